package org.cbamledger.signer.index;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.map.MapHashes;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an index key holds: the ascending leaf indexes of the entries under it. The map stores the SHA-256 of the
 * RFC 8785 canonical JSON {@code {"key": "index:...", "leaves": [n, ...]}}.
 */
public record IndexValue(IndexKey key, List<Long> leaves) {

    public IndexValue {
        SortedSet<Long> sorted = new TreeSet<>(leaves);
        if (sorted.size() != leaves.size() || !List.copyOf(sorted).equals(leaves)) {
            throw new IllegalArgumentException("index leaves must be strictly ascending: " + leaves);
        }
        leaves = List.copyOf(leaves);
    }

    public byte[] valueHash() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("key", key.text());
        var array = node.putArray("leaves");
        leaves.forEach(array::add);
        try {
            return MapHashes.valueHash(CanonicalJson.canonicalize(node));
        } catch (SignerException e) {
            throw new IllegalStateException("an index value always canonicalizes", e);
        }
    }
}
