package org.cbamledger.calculation.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.Sha256;
import org.cbamledger.signer.SignerException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads rule sets from the classpath ({@code cbam-rulesets/<id>.json}) and user override files from disk, at run
 * time: a user changes a value without rebuilding.
 */
public final class RuleSets {
    public static final String RULE_SET_FORMAT = "cbam-ledger-ruleset/v1";
    public static final String OVERRIDES_FORMAT = "cbam-ledger-ruleset-overrides/v1";
    public static final String EU_DEFINITIVE_2026 = "eu-definitive-2026";
    public static final String SEED_TOTAL = "seed-total";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{1,63}");
    private static final JsonMapper MAPPER = JsonMappers.EXACT_DECIMALS;

    private RuleSets() {}

    public static RuleSet load(String id) throws CalculationException {
        return load(id, List.of());
    }

    /** The rule set {@code id} with the overrides applied in order; each override records the value it replaced. */
    public static RuleSet load(String id, List<RuleOverride> overrides) throws CalculationException {
        RawRuleSet raw = readClasspath(id, new LinkedHashSet<>());
        if (raw.chargedBasis == null) {
            throw new CalculationException("rule set " + id + ": chargedBasis is missing");
        }
        SortedMap<String, RuleEntry> entries = new TreeMap<>(raw.entries);
        List<RuleOverride> applied = new ArrayList<>();
        for (RuleOverride override : overrides) {
            applied.add(override.withPrevious(entries.put(override.key(), override.entry())));
        }
        DefaultValueTable defaultValues = DefaultValueTable.load();
        String digest = digest(id, raw, entries, defaultValues);
        return new RuleSet(
                id,
                raw.version,
                raw.chargedBasis,
                raw.chargedBasisCitation,
                raw.zeroOrigins,
                raw.zeroOriginsCitation,
                entries,
                applied,
                defaultValues,
                digest);
    }

    /** Reads a user's override file: {@code {"format": "cbam-ledger-ruleset-overrides/v1", "overrides": {key: entry}}}. */
    public static List<RuleOverride> readOverrides(Path file) throws CalculationException {
        String where = "rule override file " + file.getFileName();
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException | JacksonException e) {
            throw new CalculationException(where + ": cannot read: " + e.getMessage(), e);
        }
        requireFormat(root, OVERRIDES_FORMAT, where);
        JsonNode overrides = root.path("overrides");
        if (!overrides.isObject()) {
            throw new CalculationException(where + ": member overrides must be an object of rule key to entry");
        }
        List<RuleOverride> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : overrides.properties()) {
            String fieldWhere = where + ": overrides." + member.getKey();
            RuleEntry entry = entry(member.getKey(), member.getValue(), fieldWhere);
            result.add(new RuleOverride(entry, text(member.getValue(), "reason", fieldWhere), file.getFileName().toString(), null));
        }
        return result;
    }

    /** Rebuilds an override from its record in a calculation or statement ({@link RuleOverride#toJson()}). */
    public static RuleOverride overrideFromJson(JsonNode node) throws CalculationException {
        String key = text(node, "key", "rule override");
        String where = "rule override " + key;
        return new RuleOverride(entry(key, node, where), text(node, "reason", where), text(node, "source", where), null);
    }

    private static RawRuleSet readClasspath(String id, Set<String> seen) throws CalculationException {
        if (!ID.matcher(id).matches()) {
            throw new CalculationException("unknown rule set " + id);
        }
        if (!seen.add(id)) {
            throw new CalculationException("rule set " + id + " extends itself");
        }
        String resource = "cbam-rulesets/" + id + ".json";
        JsonNode root;
        try (InputStream in = RuleSets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new CalculationException("unknown rule set " + id);
            }
            root = MAPPER.readTree(in);
        } catch (IOException | JacksonException e) {
            throw new CalculationException("rule set file " + resource + ": cannot read: " + e.getMessage(), e);
        }
        String where = "rule set file " + resource;
        requireFormat(root, RULE_SET_FORMAT, where);
        if (!id.equals(root.path("id").asString(""))) {
            throw new CalculationException(where + ": id must be " + id);
        }
        RawRuleSet raw = root.has("extends") ? readClasspath(text(root, "extends", where), seen) : new RawRuleSet();
        raw.version = text(root, "version", where);
        JsonNode basis = root.path("chargedBasis");
        if (!basis.isMissingNode()) {
            try {
                raw.chargedBasis = ChargedBasis.fromWire(text(basis, "value", where + ": chargedBasis"));
            } catch (IllegalArgumentException e) {
                throw new CalculationException(where + ": chargedBasis: " + e.getMessage(), e);
            }
            raw.chargedBasisCitation = text(basis, "citation", where + ": chargedBasis");
        }
        JsonNode origins = root.path("zeroEmbeddedOrigins");
        if (!origins.isMissingNode()) {
            raw.zeroOrigins = new TreeSet<>();
            for (JsonNode country : origins.path("countries")) {
                raw.zeroOrigins.add(country.asString());
            }
            raw.zeroOriginsCitation = text(origins, "citation", where + ": zeroEmbeddedOrigins");
        }
        for (Map.Entry<String, JsonNode> member : root.path("entries").properties()) {
            raw.entries.put(member.getKey(), entry(member.getKey(), member.getValue(), where + ": entries." + member.getKey()));
        }
        return raw;
    }

    private static RuleEntry entry(String key, JsonNode node, String where) throws CalculationException {
        if (!RuleKeys.isValid(key)) {
            throw new CalculationException(where + ": unknown rule key");
        }
        JsonNode value = node.path("value");
        if (!Decimals.isDecimal(value)) {
            throw new CalculationException(where + ": value must be a number or a decimal string");
        }
        RuleStatus status;
        try {
            status = RuleStatus.fromWire(text(node, "status", where));
        } catch (IllegalArgumentException e) {
            throw new CalculationException(where + ": " + e.getMessage(), e);
        }
        return new RuleEntry(key, Decimals.fromJson(value), text(node, "unit", where), text(node, "citation", where), status);
    }

    private static void requireFormat(JsonNode root, String format, String where) throws CalculationException {
        if (!format.equals(root.path("format").asString(""))) {
            throw new CalculationException(where + ": format must be " + format);
        }
    }

    private static String text(JsonNode node, String member, String where) throws CalculationException {
        JsonNode value = node.path(member);
        if (!value.isString() || value.asString().isBlank()) {
            throw new CalculationException(where + ": " + member + " must be a non-empty string");
        }
        return value.asString();
    }

    private static String digest(String id, RawRuleSet raw, SortedMap<String, RuleEntry> entries,
            DefaultValueTable defaultValues) throws CalculationException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.put("version", raw.version);
        node.put("chargedBasis", raw.chargedBasis.wireName());
        ArrayNode origins = node.putArray("zeroEmbeddedOrigins");
        raw.zeroOrigins.forEach(origins::add);
        node.put("defaultValuesSha256", defaultValues.sha256Hex());
        ObjectNode entryNodes = node.putObject("entries");
        entries.forEach((key, entry) -> entryNodes.set(key, entry.toJson()));
        try {
            return Sha256.hex(CanonicalJson.canonicalize(node));
        } catch (SignerException e) {
            throw new CalculationException("rule set " + id + ": cannot digest: " + e.getMessage(), e);
        }
    }

    private static final class RawRuleSet {
        String version;
        ChargedBasis chargedBasis;
        String chargedBasisCitation;
        Set<String> zeroOrigins = new TreeSet<>();
        String zeroOriginsCitation = "none";
        final SortedMap<String, RuleEntry> entries = new TreeMap<>();
    }
}
