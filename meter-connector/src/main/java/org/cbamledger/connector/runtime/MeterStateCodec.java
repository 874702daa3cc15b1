package org.cbamledger.connector.runtime;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.cbamledger.connector.reading.MeterState;
import org.cbamledger.connector.register.RegisterValue;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON form of {@link MeterState}, stored in the state file and beside each journalled batch. */
final class MeterStateCodec {
    private static final ObjectMapper JSON = JsonMappers.PLAIN;

    private MeterStateCodec() {}

    static ObjectNode toJson(MeterState s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("meterId", s.meterId());
        node.put("lastBoundary", s.lastBoundary() == null ? null : s.lastBoundary().toString());
        if (s.boundaryCounter() != null) {
            ObjectNode counter = node.putObject("boundaryCounter");
            counter.put("value", s.boundaryCounter().value().toPlainString());
            counter.put("raw", s.boundaryCounter().rawHex());
            counter.put("scale", s.boundaryCounter().scale().toPlainString());
        }
        node.put("emittedUntil", s.emittedUntil() == null ? null : s.emittedUntil().toString());
        node.put("lastSeenKwh", s.lastSeenKwh() == null ? null : s.lastSeenKwh().toPlainString());
        node.put("resetSeen", s.resetSeen());
        node.put("rolloverSeen", s.rolloverSeen());
        return node;
    }

    static byte[] toBytes(MeterState s) {
        return JSON.writeValueAsString(toJson(s)).getBytes(StandardCharsets.UTF_8);
    }

    static MeterState fromBytes(byte[] bytes) {
        return fromJson(JSON.readTree(bytes));
    }

    static MeterState fromJson(JsonNode n) {
        RegisterValue counter = null;
        JsonNode c = n.get("boundaryCounter");
        if (c != null && c.isObject()) {
            byte[] raw = HexFormat.of().parseHex(c.get("raw").asString());
            int[] words = new int[raw.length / 2];
            for (int i = 0; i < words.length; i++) {
                words[i] = ((raw[2 * i] & 0xff) << 8) | (raw[2 * i + 1] & 0xff);
            }
            counter = new RegisterValue(new BigDecimal(c.get("value").asString()), words,
                    new BigDecimal(c.get("scale").asString()));
        }
        return new MeterState(n.get("meterId").asString(), instant(n, "lastBoundary"), counter,
                instant(n, "emittedUntil"), decimal(n, "lastSeenKwh"), n.path("resetSeen").asBoolean(),
                n.path("rolloverSeen").asBoolean());
    }

    private static Instant instant(JsonNode n, String member) {
        JsonNode v = n.get(member);
        return v == null || v.isNull() ? null : Instant.parse(v.asString());
    }

    private static BigDecimal decimal(JsonNode n, String member) {
        JsonNode v = n.get(member);
        return v == null || v.isNull() ? null : new BigDecimal(v.asString());
    }
}
