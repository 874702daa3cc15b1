package org.cbamledger.verifier.bundle;

import java.util.List;

/**
 * The content of bundle.json. {@code checkpointSizes} ascend; the last is the bundle's checkpoint and
 * equals {@code treeSize}. {@code statementFile} is null when the bundle carries no statement.
 * {@code timestampSizes}: the bundled checkpoints that have a time-stamp token, ascending (may be empty).
 * {@code coverage} is null for a bundle written before coverage was stated (read as covering nothing in particular).
 * {@code format} is {@link BundlePaths#FORMAT} (v1) or {@link BundlePaths#FORMAT_V2}; a v2 manifest lists its
 * {@code packs}, and its {@code entries} are those the packs hold, as {@link BundleReader} found them, each with the
 * leaf hash the level-0 tile lists for it (null when no tile lists it) and named {@code entries/<n>.pack#<index>}.
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
        Coverage coverage,
        String format,
        List<ManifestPack> packs) {

    public BundleManifest {
        entries = List.copyOf(entries);
        packs = List.copyOf(packs);
        checkpointSizes = List.copyOf(checkpointSizes);
        documents = List.copyOf(documents);
        timestampSizes = List.copyOf(timestampSizes);
    }

    /** A manifest without time-stamp tokens that states no coverage. */
    public BundleManifest(String logId, String origin, long treeSize, List<ManifestEntry> entries,
            List<Long> checkpointSizes, List<ManifestDocument> documents, String statementFile) {
        this(logId, origin, treeSize, entries, checkpointSizes, documents, statementFile, List.of(), null);
    }

    /** A v1 manifest. */
    public BundleManifest(String logId, String origin, long treeSize, List<ManifestEntry> entries,
            List<Long> checkpointSizes, List<ManifestDocument> documents, String statementFile,
            List<Long> timestampSizes, Coverage coverage) {
        this(logId, origin, treeSize, entries, checkpointSizes, documents, statementFile, timestampSizes, coverage,
                BundlePaths.FORMAT, List.of());
    }

    /**
     * How checks name leaf {@code index}: its bundled entry's file (v1 {@code entries/N.json}, v2
     * {@code entries/k.pack#N}), or for a leaf not bundled, v1's file name or v2's {@code entries#N}.
     */
    public String leafSubject(long index) {
        int low = 0;
        int high = entries.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long found = entries.get(mid).index();
            if (found == index) {
                return entries.get(mid).file();
            }
            if (found < index) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return isV2() ? BundlePaths.unpackedLeaf(index) : BundlePaths.entryFile(index);
    }

    public boolean isV2() {
        return BundlePaths.FORMAT_V2.equals(format);
    }

    /** The same manifest with the entries a reader found (v2: in the packs, with the level-0 tiles' leaf hashes). */
    public BundleManifest withEntries(List<ManifestEntry> found) {
        return new BundleManifest(logId, origin, treeSize, found, checkpointSizes, documents, statementFile,
                timestampSizes, coverage, format, packs);
    }

    public long largestCheckpointSize() {
        return checkpointSizes.getLast();
    }
}
