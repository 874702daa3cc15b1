package org.cbamledger.verifier.policy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cbamledger.signer.CosignatureVerifier;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.Rfc3161;
import org.cbamledger.signer.SignerException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes the trust policy file, {@code cbam-ledger-policy/v1} JSON (api-spec/POLICY.md), strictly. */
public final class PolicyFile {
    public static final String FORMAT = "cbam-ledger-policy/v1";
    private static final JsonMapper JSON = JsonMappers.NO_DUPLICATE_KEYS;
    private static final Set<String> MEMBERS = Set.of("format", "logKeys", "rootKeys", "witnesses", "tsaCertificates");
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");

    private PolicyFile() {}

    public static TrustPolicy parse(byte[] file) throws PolicyException {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (JacksonException e) {
            throw new PolicyException("not valid JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw new PolicyException("not a JSON object");
        }
        Set<String> unknown = new TreeSet<>(root.propertyNames());
        unknown.removeAll(MEMBERS);
        if (!unknown.isEmpty()) {
            throw new PolicyException("unknown members " + unknown);
        }
        if (!root.path("format").isString() || !root.get("format").stringValue().equals(FORMAT)) {
            throw new PolicyException("format is not " + FORMAT);
        }
        List<PinnedLogKey> logKeys = new ArrayList<>();
        for (JsonNode k : array(root, "logKeys")) {
            logKeys.add(logKey(k, "logKeys[" + logKeys.size() + "]"));
        }
        Set<String> roots = new LinkedHashSet<>();
        for (JsonNode r : array(root, "rootKeys")) {
            if (!r.isString() || !KEY_ID.matcher(r.stringValue()).matches()) {
                throw new PolicyException("rootKeys[" + roots.size() + "] is not 64 lowercase hex digits");
            }
            roots.add(r.stringValue());
        }
        List<CosignatureVerifier> witnesses = new ArrayList<>();
        int quorum = 0;
        if (root.has("witnesses")) {
            JsonNode w = root.get("witnesses");
            if (!w.isObject() || !new TreeSet<>(w.propertyNames()).equals(new TreeSet<>(Set.of("keys", "quorum")))) {
                throw new PolicyException("witnesses is not {\"keys\": [...], \"quorum\": n}");
            }
            for (JsonNode k : array(w, "keys")) {
                try {
                    witnesses.add(CosignatureVerifier.parse(k.isString() ? k.stringValue() : ""));
                } catch (SignerException e) {
                    throw new PolicyException("witnesses.keys[" + witnesses.size() + "]: " + e.getMessage(), e);
                }
            }
            JsonNode q = w.get("quorum");
            if (!q.isIntegralNumber() || q.intValue() < 1 || q.intValue() > witnesses.size()) {
                throw new PolicyException("witnesses.quorum is not between 1 and the number of witness keys");
            }
            quorum = q.intValue();
        }
        List<X509Certificate> tsa = new ArrayList<>();
        for (JsonNode c : array(root, "tsaCertificates")) {
            try {
                tsa.addAll(Rfc3161.readCertificates(
                        (c.isString() ? c.stringValue() : "").getBytes(StandardCharsets.US_ASCII)));
            } catch (SignerException e) {
                throw new PolicyException("tsaCertificates[" + tsa.size() + "]: " + e.getMessage(), e);
            }
        }
        return new TrustPolicy(logKeys, roots, witnesses, quorum, tsa);
    }

    /** The policy file for these pins (PEM certificates given as text), pretty-printed. */
    public static String write(List<String> logVkeys, List<String> rootKeyIds, List<String> witnessVkeys, int quorum,
            List<String> tsaCertificatePems) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
        ArrayNode logs = root.putArray("logKeys");
        logVkeys.forEach(k -> logs.addObject().put("vkey", k).put("fromSize", 0));
        ArrayNode roots = root.putArray("rootKeys");
        rootKeyIds.forEach(roots::add);
        if (!witnessVkeys.isEmpty()) {
            ObjectNode w = root.putObject("witnesses");
            ArrayNode keys = w.putArray("keys");
            witnessVkeys.forEach(keys::add);
            w.put("quorum", quorum);
        }
        ArrayNode tsa = root.putArray("tsaCertificates");
        tsaCertificatePems.forEach(tsa::add);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static PinnedLogKey logKey(JsonNode k, String where) throws PolicyException {
        if (!k.isObject() || !k.path("vkey").isString()) {
            throw new PolicyException(where + " is not {\"vkey\": ..., \"fromSize\": n, \"untilSize\": n}");
        }
        Set<String> unknown = new TreeSet<>(k.propertyNames());
        unknown.removeAll(Set.of("vkey", "fromSize", "untilSize"));
        if (!unknown.isEmpty()) {
            throw new PolicyException(where + " has unknown members " + unknown);
        }
        NoteVerifier key;
        try {
            key = NoteVerifier.parse(k.get("vkey").stringValue());
        } catch (SignerException e) {
            throw new PolicyException(where + ".vkey: " + e.getMessage(), e);
        }
        long from = size(k.get("fromSize"), where + ".fromSize", 0L);
        Long until = k.has("untilSize") && !k.get("untilSize").isNull() ? size(k.get("untilSize"), where + ".untilSize", null)
                : null;
        if (until != null && until <= from) {
            throw new PolicyException(where + ".untilSize is not larger than fromSize");
        }
        return new PinnedLogKey(key, from, until);
    }

    private static Long size(JsonNode n, String where, Long absent) throws PolicyException {
        if (n == null) {
            return absent;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            throw new PolicyException(where + " is not a non-negative integer");
        }
        return n.longValue();
    }

    private static Iterable<JsonNode> array(JsonNode parent, String member) throws PolicyException {
        JsonNode n = parent.get(member);
        if (n == null) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new PolicyException(member + " is not an array");
        }
        return n.values();
    }
}
