package org.cbamledger.verifier.bundle;

import java.util.List;

/**
 * The content of bundle.json. {@code checkpointSizes} ascend; the last is the bundle's checkpoint and
 * equals {@code treeSize}. {@code statementFile} is null when the bundle carries no statement.
 */
public record BundleManifest(
        String logId,
        String origin,
        long treeSize,
        List<ManifestEntry> entries,
        List<Long> checkpointSizes,
        List<ManifestDocument> documents,
        String statementFile) {

    public BundleManifest {
        entries = List.copyOf(entries);
        checkpointSizes = List.copyOf(checkpointSizes);
        documents = List.copyOf(documents);
    }

    public long largestCheckpointSize() {
        return checkpointSizes.getLast();
    }
}
