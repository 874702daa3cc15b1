package org.cbamledger.connector.config;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.DataType;
import org.cbamledger.connector.register.RegisterMap;
import org.cbamledger.connector.register.RegisterMapException;
import org.cbamledger.connector.register.RegisterMaps;
import org.cbamledger.connector.register.RegisterSpec;
import org.cbamledger.connector.register.WordOrder;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the connector configuration from YAML or JSON, with a message naming the bad member. */
public final class ConfigLoader {
    private static final Pattern LOG_ID = Pattern.compile("[a-z0-9-]{3,64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private ConfigLoader() {}

    public static ConnectorConfig load(Path file) throws ConfigException {
        JsonNode root;
        try {
            ObjectMapper mapper = file.toString().endsWith(".json") ? JsonMappers.PLAIN : new YAMLMapper();
            root = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | JacksonException e) {
            throw new ConfigException("config " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("config " + file + " is not a mapping");
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(root, base);
    }

    static ConnectorConfig parse(JsonNode root, Path base) throws ConfigException {
        String deviceId = id(root, "deviceId", "deviceId");
        Path keyFile = path(base, string(root, "deviceKeyFile", "deviceKeyFile"));
        JsonNode ledger = object(root, "ledger", "ledger");
        URI ledgerUrl;
        try {
            ledgerUrl = URI.create(string(ledger, "url", "ledger.url"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config ledger.url is not a URL: " + e.getMessage());
        }
        if (!"http".equals(ledgerUrl.getScheme()) && !"https".equals(ledgerUrl.getScheme())) {
            throw new ConfigException("config ledger.url must be http or https, got " + ledgerUrl);
        }
        String logId = string(ledger, "logId", "ledger.logId");
        if (!LOG_ID.matcher(logId).matches()) {
            throw new ConfigException("config ledger.logId must match [a-z0-9-]{3,64}, got \"" + logId + "\"");
        }
        String token = optionalString(ledger, "bearerToken");
        String tokenFile = optionalString(ledger, "bearerTokenFile");
        if (tokenFile != null) {
            try {
                token = Files.readString(path(base, tokenFile)).trim();
            } catch (IOException e) {
                throw new ConfigException("config ledger.bearerTokenFile cannot be read: " + e.getMessage(), e);
            }
        }
        JsonNode journal = object(root, "journal", "journal");
        Path journalDir = path(base, string(journal, "dir", "journal.dir"));
        long bound = positiveLong(journal, "diskBoundBytes", 100L * 1024 * 1024, "journal.diskBoundBytes");
        long segment = positiveLong(journal, "segmentBytes", Math.min(1024 * 1024, bound / 4), "journal.segmentBytes");
        JsonNode polling = root.path("polling");
        Duration poll = Duration.ofSeconds(positiveLong(polling, "pollIntervalSeconds", 60, "polling.pollIntervalSeconds"));
        Duration interval = Duration.ofMinutes(positiveLong(polling, "intervalMinutes", 15, "polling.intervalMinutes"));
        if (interval.toSeconds() % poll.toSeconds() != 0) {
            throw new ConfigException("config polling.intervalMinutes (" + interval.toMinutes()
                    + " min) must be a whole multiple of polling.pollIntervalSeconds (" + poll.toSeconds() + " s)");
        }
        Duration maxBackoff = Duration.ofMillis(positiveLong(ledger, "maxBackoffMillis", 30_000, "ledger.maxBackoffMillis"));
        JsonNode clock = root.path("clock");
        double acceleration = clock.path("acceleration").asDouble(1.0);
        if (acceleration < 1) {
            throw new ConfigException("config clock.acceleration must be at least 1, got " + acceleration);
        }
        Instant simulatedStart = null;
        if (clock.has("simulatedStart")) {
            try {
                simulatedStart = Instant.parse(string(clock, "simulatedStart", "clock.simulatedStart"));
            } catch (DateTimeParseException e) {
                throw new ConfigException("config clock.simulatedStart is not an RFC 3339 UTC time: " + e.getMessage());
            }
        }
        Set<String> meterIds = new HashSet<>();
        List<ModbusDeviceConfig> modbus = new ArrayList<>();
        JsonNode modbusNode = root.path("modbus");
        for (int i = 0; i < modbusNode.size(); i++) {
            modbus.add(modbusDevice(modbusNode.get(i), "modbus[" + i + "]", meterIds));
        }
        List<OpcUaEndpointConfig> opcua = new ArrayList<>();
        JsonNode opcuaNode = root.path("opcua");
        for (int i = 0; i < opcuaNode.size(); i++) {
            opcua.add(opcUaEndpoint(opcuaNode.get(i), "opcua[" + i + "]", base, meterIds));
        }
        if (modbus.isEmpty() && opcua.isEmpty()) {
            throw new ConfigException("config has no meters: add entries under \"modbus\" or \"opcua\"");
        }
        return new ConnectorConfig(deviceId, keyFile, ledgerUrl, logId, token, journalDir, bound, segment, poll,
                interval, maxBackoff, modbus, opcua, acceleration, simulatedStart);
    }

    private static ModbusDeviceConfig modbusDevice(JsonNode n, String at, Set<String> meterIds) throws ConfigException {
        String meterId = meterId(n, at, meterIds);
        String host = string(n, "host", at + ".host");
        int port = (int) range(n, "port", 502, 1, 65_535, at + ".port");
        int unitId = (int) range(n, "unitId", 1, 0, 255, at + ".unitId");
        int timeout = (int) range(n, "timeoutMillis", 2000, 1, 60_000, at + ".timeoutMillis");
        RegisterMap map;
        try {
            map = RegisterMaps.load(string(n, "model", at + ".model"));
        } catch (RegisterMapException e) {
            throw new ConfigException("config " + at + ".model: " + e.getMessage(), e);
        }
        if (n.has("wordOrder")) {
            map = map.withWordOrder(enumValue(WordOrder.class, string(n, "wordOrder", at + ".wordOrder"), at + ".wordOrder"));
        }
        JsonNode registers = n.path("registers");
        for (String name : registers.propertyNames()) {
            String where = at + ".registers." + name;
            Channel channel = enumValue(Channel.class, name, where);
            JsonNode r = registers.get(name);
            DataType type = enumValue(DataType.class, string(r, "type", where + ".type"), where + ".type");
            WordOrder order = r.has("wordOrder")
                    ? enumValue(WordOrder.class, string(r, "wordOrder", where + ".wordOrder"), where + ".wordOrder")
                    : map.spec(Channel.ACTIVE_ENERGY_IMPORT_KWH).wordOrder();
            BigDecimal rollover = r.has("rolloverRaw") ? decimal(r, "rolloverRaw", where + ".rolloverRaw") : null;
            try {
                map = map.withChannel(channel, new RegisterSpec((int) range(r, "address", -1, 0, 65_535, where + ".address"),
                        type, order, decimal(r, "scale", where + ".scale"), string(r, "rawUnit", where + ".rawUnit"),
                        rollover));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("config " + where + ": " + e.getMessage());
            }
        }
        return new ModbusDeviceConfig(meterId, host, port, unitId, map, timeout);
    }

    private static OpcUaEndpointConfig opcUaEndpoint(JsonNode n, String at, Path base, Set<String> meterIds)
            throws ConfigException {
        String url = string(n, "endpointUrl", at + ".endpointUrl");
        if (!url.startsWith("opc.tcp://")) {
            throw new ConfigException("config " + at + ".endpointUrl must start with opc.tcp://, got " + url);
        }
        String policy = n.has("securityPolicy") ? string(n, "securityPolicy", at + ".securityPolicy") : "None";
        if (!policy.equals("None") && !policy.equals("Basic256Sha256")) {
            throw new ConfigException("config " + at + ".securityPolicy must be None or Basic256Sha256, got " + policy);
        }
        Path keyStore = n.has("clientKeyStore") ? path(base, string(n, "clientKeyStore", at + ".clientKeyStore")) : null;
        if (policy.equals("Basic256Sha256") && keyStore == null) {
            throw new ConfigException("config " + at + ".clientKeyStore is required for Basic256Sha256");
        }
        List<Path> trusted = new ArrayList<>();
        for (JsonNode t : n.path("trustedServerCertificates")) {
            trusted.add(path(base, t.asString()));
        }
        List<OpcUaNodeConfig> nodes = new ArrayList<>();
        JsonNode nodesNode = n.path("nodes");
        for (int i = 0; i < nodesNode.size(); i++) {
            JsonNode node = nodesNode.get(i);
            String where = at + ".nodes[" + i + "]";
            BigDecimal scale = node.has("scale") ? decimal(node, "scale", where + ".scale") : BigDecimal.ONE;
            BigDecimal rollover = node.has("rolloverKwh") ? decimal(node, "rolloverKwh", where + ".rolloverKwh") : null;
            String nodeId = string(node, "nodeId", where + ".nodeId");
            if (org.eclipse.milo.opcua.stack.core.types.builtin.NodeId.parseOrNull(nodeId) == null) {
                throw new ConfigException("config " + where + ".nodeId is not an OPC UA node id (e.g."
                        + " ns=2;s=Plant/Line1/EnergyCounterKwh), got \"" + nodeId + "\"");
            }
            nodes.add(new OpcUaNodeConfig(meterId(node, where, meterIds), nodeId, scale, rollover));
        }
        if (nodes.isEmpty()) {
            throw new ConfigException("config " + at + ".nodes is empty");
        }
        return new OpcUaEndpointConfig(url, policy, keyStore, optionalString(n, "clientKeyStorePassword"),
                optionalString(n, "clientKeyAlias"), trusted, nodes,
                (int) range(n, "timeoutMillis", 5000, 1, 60_000, at + ".timeoutMillis"),
                Duration.ofSeconds(range(n, "maxSourceAgeSeconds", 300, 1, 86_400, at + ".maxSourceAgeSeconds")));
    }

    private static String meterId(JsonNode n, String at, Set<String> meterIds) throws ConfigException {
        String meterId = id(n, "meterId", at + ".meterId");
        if (!meterIds.add(meterId)) {
            throw new ConfigException("config " + at + ".meterId \"" + meterId + "\" is used twice");
        }
        return meterId;
    }

    private static String id(JsonNode n, String member, String at) throws ConfigException {
        String value = string(n, member, at);
        if (!ID.matcher(value).matches()) {
            throw new ConfigException("config " + at + " must be 1-128 letters, digits, '.', '_', ':' or '-', got \""
                    + value + "\"");
        }
        return value;
    }

    private static JsonNode object(JsonNode n, String member, String at) throws ConfigException {
        JsonNode v = n.get(member);
        if (v == null || !v.isObject()) {
            throw new ConfigException("config " + at + " is missing or not a mapping");
        }
        return v;
    }

    private static String string(JsonNode n, String member, String at) throws ConfigException {
        JsonNode v = n.get(member);
        if (v == null || v.isNull() || v.isContainer() || v.asString().isBlank()) {
            throw new ConfigException("config " + at + " is missing");
        }
        return v.asString();
    }

    private static String optionalString(JsonNode n, String member) {
        JsonNode v = n.get(member);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static BigDecimal decimal(JsonNode n, String member, String at) throws ConfigException {
        try {
            BigDecimal value = new BigDecimal(string(n, member, at));
            if (value.signum() <= 0) {
                throw new ConfigException("config " + at + " must be positive, got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException("config " + at + " is not a decimal number: " + n.get(member).asString());
        }
    }

    private static long positiveLong(JsonNode n, String member, long fallback, String at) throws ConfigException {
        return range(n, member, fallback, 1, Long.MAX_VALUE, at);
    }

    private static long range(JsonNode n, String member, long fallback, long min, long max, String at)
            throws ConfigException {
        JsonNode v = n.get(member);
        if (v == null || v.isNull()) {
            if (fallback < min) {
                throw new ConfigException("config " + at + " is missing");
            }
            return fallback;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() && !v.isString()) {
            throw new ConfigException("config " + at + " must be a whole number, got " + v);
        }
        long value;
        try {
            value = v.isString() ? Long.parseLong(v.asString()) : v.asLong();
        } catch (NumberFormatException e) {
            throw new ConfigException("config " + at + " must be a whole number, got " + v);
        }
        if (value < min || value > max) {
            throw new ConfigException("config " + at + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String at) throws ConfigException {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config " + at + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", got \"" + value + "\"");
        }
    }

    private static Path path(Path base, String value) {
        Path p = Path.of(value);
        return p.isAbsolute() || base == null ? p : base.resolve(p);
    }
}
