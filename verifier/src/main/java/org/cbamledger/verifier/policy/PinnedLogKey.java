package org.cbamledger.verifier.policy;

import org.cbamledger.signer.NoteVerifier;

/**
 * A trusted log key and the tree sizes it may sign checkpoints for: {@code fromSize} inclusive, {@code untilSize}
 * exclusive or null for no end. Tree sizes, not times: the log's own clock is not evidence. During a rotation the
 * windows of the old and the new key overlap and checkpoints in the overlap carry both signatures.
 */
public record PinnedLogKey(NoteVerifier key, long fromSize, Long untilSize) {
    public static PinnedLogKey always(NoteVerifier key) {
        return new PinnedLogKey(key, 0, null);
    }

    public boolean validAt(long treeSize) {
        return treeSize >= fromSize && (untilSize == null || treeSize < untilSize);
    }

    public String window() {
        return "sizes " + fromSize + ".." + (untilSize == null ? "" : String.valueOf(untilSize - 1));
    }
}
