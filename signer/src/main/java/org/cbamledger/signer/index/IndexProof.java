package org.cbamledger.signer.index;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cbamledger.signer.ProofException;
import org.cbamledger.signer.map.MapProof;
import org.cbamledger.signer.map.MapProofVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A key's leaves and the map proof of them: of inclusion for a key with leaves, of non-inclusion for one without.
 * JSON (a bundle's {@code index/<hex map key>.json}): {@code {"key": "index:...", "leaves": [n, ...], "proof": map
 * proof}}.
 */
public record IndexProof(IndexValue value, MapProof proof) {
    private static final Pattern KEY = Pattern.compile("index:(.+):([a-z-]+):([0-9]{4}-[0-9]{2})");

    /** Checks the proof against a committed map root. */
    public void verify(byte[] mapRoot) throws ProofException {
        if (value.leaves().isEmpty()) {
            MapProofVerifier.verifyNonInclusion(mapRoot, value.key().mapKey(), proof);
        } else {
            MapProofVerifier.verifyInclusion(mapRoot, value.key().mapKey(), value.valueHash(), proof);
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("key", value.key().text());
        var leaves = node.putArray("leaves");
        value.leaves().forEach(leaves::add);
        node.set("proof", proof.toJson());
        return node;
    }

    public static IndexProof fromJson(JsonNode node) throws ProofException {
        Matcher m = KEY.matcher(node.path("key").asString(""));
        if (!m.matches() || !node.path("leaves").isArray() || !node.path("proof").isObject()) {
            throw new ProofException("not an index proof {key: index:<installation>:<kind>:<YYYY-MM>, leaves, proof}");
        }
        try {
            List<Long> leaves = new ArrayList<>();
            for (JsonNode leaf : node.get("leaves")) {
                if (!leaf.isIntegralNumber() || !leaf.canConvertToLong() || leaf.longValue() < 0) {
                    throw new ProofException("index proof leaves are not non-negative integers");
                }
                leaves.add(leaf.longValue());
            }
            IndexKey key = new IndexKey(m.group(1), m.group(2), YearMonth.parse(m.group(3)));
            return new IndexProof(new IndexValue(key, leaves), MapProof.fromJson(node.get("proof")));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ProofException("malformed index proof: " + e.getMessage());
        }
    }
}
