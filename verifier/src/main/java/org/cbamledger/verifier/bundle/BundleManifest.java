package org.cbamledger.verifier.bundle;

import java.util.List;

/**
 * The content of bundle.json. {@code checkpointSizes} ascend; the last is the bundle's checkpoint and
 * equals {@code treeSize}. {@code statementFile} is null when the bundle carries no statement.
 * {@code timestampSizes}: the bundled checkpoints that have a time-stamp token, ascending (may be empty).
 * {@code coverage} is null for a bundle written before coverage was stated (read as covering nothing in particular).
 */
public record BundleManifest(
        String logId,
        String origin,
        long treeSize,
        List<ManifestEntry> entries,
        List<Long> checkpointSizes,
        List<ManifestDocument> documents,
        String statementFile,
        List<Long> timestampSizes,
        Coverage coverage) {

    public BundleManifest {
        entries = List.copyOf(entries);
        checkpointSizes = List.copyOf(checkpointSizes);
        documents = List.copyOf(documents);
        timestampSizes = List.copyOf(timestampSizes);
    }

    /** A manifest without time-stamp tokens that states no coverage. */
    public BundleManifest(String logId, String origin, long treeSize, List<ManifestEntry> entries,
            List<Long> checkpointSizes, List<ManifestDocument> documents, String statementFile) {
        this(logId, origin, treeSize, entries, checkpointSizes, documents, statementFile, List.of(), null);
    }

    public long largestCheckpointSize() {
        return checkpointSizes.getLast();
    }
}
