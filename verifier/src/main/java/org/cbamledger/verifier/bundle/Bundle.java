package org.cbamledger.verifier.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cbamledger.signer.TilePath;

/** A read bundle: its manifest, the layout problems found, and access to its files by layout name. */
public record Bundle(
        Path root,
        BundleManifest manifest,
        List<ConsistencyFile> consistencyFiles,
        List<LayoutProblem> layoutProblems,
        int fileCount,
        Map<TilePath, byte[]> tiles) {

    /** The size limit of the small text files: checkpoints, proofs, keys. */
    public static final int MAX_TEXT_BYTES = 1 << 20;
    /**
     * The size limit of statement.json and statement.jws: a year of 50 meters' 15-minute readings makes a 4 MB
     * statement and a 5.5 MB JWS (the trace names each batch entry once); the service takes 16 MiB requests.
     */
    public static final int MAX_STATEMENT_BYTES = 32 << 20;

    public Bundle {
        consistencyFiles = List.copyOf(consistencyFiles);
        layoutProblems = List.copyOf(layoutProblems);
        tiles = Map.copyOf(tiles);
    }

    /** What {@link #forEachEntry} hands over: an entry's bytes, or why they could not be read. */
    @FunctionalInterface
    public interface EntryVisitor {
        void visit(ManifestEntry entry, byte[] bytesOrNull, String error);
    }

    /**
     * Every listed entry in index order, each read once and not kept: v1 reads each entry file up to
     * {@link #MAX_TEXT_BYTES} (an oversized one is then refused by the envelope's own size rule), v2 streams the packs.
     */
    public void forEachEntry(EntryVisitor visitor) throws IOException {
        if (manifest.isV2()) {
            PackScan.forEach(root, manifest, visitor);
            return;
        }
        for (ManifestEntry entry : manifest.entries()) {
            try {
                visitor.visit(entry, read(entry.file(), MAX_TEXT_BYTES), null);
            } catch (BundleException e) {
                visitor.visit(entry, null, e.getMessage());
            } catch (IOException e) {
                visitor.visit(entry, null, "cannot read " + entry.file() + ": " + e.getMessage());
            }
        }
    }

    public boolean exists(String file) {
        return Files.isRegularFile(root.resolve(file));
    }

    /** The file's bytes, refusing files over {@code maxBytes} without reading them whole. */
    public byte[] read(String file, int maxBytes) throws IOException, BundleException {
        try (InputStream in = open(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new BundleException(file + ": larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }

    public InputStream open(String file) throws IOException {
        return Files.newInputStream(root.resolve(file));
    }

    /** Throws if any file is missing or unexpected: for callers that want all or nothing. */
    public void requireComplete() throws BundleException {
        if (!layoutProblems.isEmpty()) {
            LayoutProblem first = layoutProblems.getFirst();
            throw new BundleException(first.file() + ": " + first.message());
        }
    }
}
