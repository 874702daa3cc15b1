package org.cbamledger.signer.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.SignerException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The value a map key holds: the claims on it, as RFC 8785 canonical JSON
 * {@code {"claimKey": k, "claims": [{"first": n, "last": n, "logId", "leafIndex", "leafHash"}]}}. A PPA period has
 * one claim without first/last; a GO serial block lists the disjoint sub-ranges claimed in it, ordered by first.
 */
public record ClaimValue(String claimKey, List<Part> claims) {
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    /** One claim; {@code first}/{@code last} are the serial numbers claimed within a GO block, -1 for a PPA claim. */
    public record Part(long first, long last, Claim claim) {}

    public ClaimValue {
        claims = claims.stream().sorted(Comparator.comparingLong(Part::first)).toList();
    }

    public ClaimValue with(Part part) {
        List<Part> more = new ArrayList<>(claims);
        more.add(part);
        return new ClaimValue(claimKey, more);
    }

    public byte[] canonicalBytes() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("claimKey", claimKey);
        ArrayNode array = node.putArray("claims");
        for (Part part : claims) {
            ObjectNode p = array.addObject();
            if (part.first >= 0) {
                p.put("first", Long.toString(part.first));
                p.put("last", Long.toString(part.last));
            }
            p.put("logId", part.claim.logId());
            p.put("leafIndex", part.claim.leafIndex());
            p.put("leafHash", part.claim.leafHashHex());
        }
        try {
            return CanonicalJson.canonicalize(node);
        } catch (SignerException e) {
            throw new IllegalStateException("a claim value is always canonicalizable", e);
        }
    }

    public static ClaimValue parse(byte[] bytes) {
        JsonNode node = JSON.readTree(bytes);
        List<Part> parts = new ArrayList<>();
        for (JsonNode p : node.path("claims")) {
            long first = p.has("first") ? Long.parseLong(p.get("first").asString()) : -1;
            long last = p.has("last") ? Long.parseLong(p.get("last").asString()) : -1;
            parts.add(new Part(first, last, new Claim(p.path("logId").asString(), p.path("leafIndex").asLong(),
                    p.path("leafHash").asString())));
        }
        return new ClaimValue(node.path("claimKey").asString(), parts);
    }
}
