package org.cbamledger.calculation.trace;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.calculation.core.UsedEvidence;
import org.cbamledger.signer.Sha256;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ledger entries holding records of one kind (a correction's replacement counts as the kind it replaces) named compactly: their leaf indexes ascending, written as runs ({@code "4-9,12"}), and
 * the SHA-256 of their 32-byte leaf hashes concatenated in that order. A reader holding the entries (a bundle, the
 * log) recomputes both; the checkpoint a statement names fixes the entry at every index.
 */
public final class EntrySet {
    private final String kind;
    private final List<UsedEvidence> entries;

    /** {@code entries} of {@code kind}, ascending by leaf index, each once. */
    public EntrySet(String kind, List<UsedEvidence> entries) {
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).leafIndex() <= entries.get(i - 1).leafIndex()) {
                throw new IllegalArgumentException("entry set leaf indexes must ascend: " + entries.get(i - 1).leafIndex()
                        + " then " + entries.get(i).leafIndex());
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("an entry set holds at least one entry");
        }
        this.kind = kind;
        this.entries = List.copyOf(entries);
    }

    public String kind() {
        return kind;
    }

    public List<UsedEvidence> entries() {
        return entries;
    }

    /** {@code {"kind", "count", "leafIndexes", "leafHashesSha256"}}. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", kind);
        node.put("count", entries.size());
        node.put("leafIndexes", runs());
        node.put("leafHashesSha256", leafHashesSha256());
        return node;
    }

    /** Ascending leaf indexes as comma-separated runs: {@code 4-9,12}. */
    public String runs() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < entries.size(); ) {
            long first = entries.get(i).leafIndex();
            int j = i;
            while (j + 1 < entries.size() && entries.get(j + 1).leafIndex() == entries.get(j).leafIndex() + 1) {
                j++;
            }
            text.append(text.isEmpty() ? "" : ",").append(first);
            if (j > i) {
                text.append('-').append(entries.get(j).leafIndex());
            }
            i = j + 1;
        }
        return text.toString();
    }

    /** SHA-256 of the leaf hashes (32 bytes each) in leaf-index order, lowercase hex. */
    public String leafHashesSha256() {
        MessageDigest sha256 = Sha256.newDigest();
        HexFormat hex = HexFormat.of();
        for (UsedEvidence entry : entries) {
            sha256.update(hex.parseHex(entry.leafHashHex()));
        }
        return Sha256.hex(sha256);
    }
}
