package org.cbamledger.verifier.bundle;

import java.util.List;

/**
 * The content of bundle.json. {@code checkpointSizes} ascend; the last is the bundle's checkpoint and
 * equals {@code treeSize}. {@code statementFile} is null when the bundle carries no statement; {@code coverage} is
 * null for a bundle written before coverage was stated (read as covering nothing in particular).
 */
public record BundleManifest(
        String logId,
        String origin,
        long treeSize,
        List<ManifestEntry> entries,
        List<Long> checkpointSizes,
        List<ManifestDocument> documents,
        String statementFile,
        Coverage coverage) {

    /** A manifest that states no coverage. */
    public BundleManifest(String logId, String origin, long treeSize, List<ManifestEntry> entries,
            List<Long> checkpointSizes, List<ManifestDocument> documents, String statementFile) {
        this(logId, origin, treeSize, entries, checkpointSizes, documents, statementFile, null);
    }

    public BundleManifest {
        entries = List.copyOf(entries);
        checkpointSizes = List.copyOf(checkpointSizes);
        documents = List.copyOf(documents);
    }

    public long largestCheckpointSize() {
        return checkpointSizes.getLast();
    }
}
