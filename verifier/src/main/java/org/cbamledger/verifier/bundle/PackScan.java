package org.cbamledger.verifier.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a v2 bundle's packs in order (BUNDLE.md): leaf indexes strictly ascending across them and below the tree
 * size, each pack holding the count bundle.json states. What breaks a rule is a layout problem naming the pack, and
 * the pack is read no further: the entries it held from there on are missing, which the coverage check reports.
 */
final class PackScan {
    private PackScan() {}

    /**
     * The entries the packs hold, without leaf hashes (the level-0 tiles list them); each is also handed to
     * {@code visitor} with its bytes as it is read.
     */
    static List<ManifestEntry> entries(Path root, BundleManifest manifest, Set<String> present,
            List<LayoutProblem> problems, Bundle.EntryVisitor visitor) throws IOException {
        List<ManifestEntry> entries = new ArrayList<>();
        long previous = -1;
        for (ManifestPack pack : manifest.packs()) {
            if (!present.contains(pack.file())) {
                continue;
            }
            long count = 0;
            try (InputStream in = Files.newInputStream(root.resolve(pack.file()))) {
                EntryPack.Reader reader = new EntryPack.Reader(in, pack.file(), Bundle.MAX_TEXT_BYTES);
                for (EntryPack.Packed entry = reader.next(); entry != null; entry = reader.next()) {
                    if (entry.index() <= previous || entry.index() >= manifest.treeSize()) {
                        throw new BundleException(pack.file() + ": malformed: leaf " + entry.index()
                                + (entry.index() <= previous ? " is not above the previous packed leaf " + previous
                                        : " is not below the tree size " + manifest.treeSize()));
                    }
                    ManifestEntry listed = new ManifestEntry(entry.index(), null, BundlePaths.packedEntry(pack.file(), entry.index()));
                    entries.add(listed);
                    visitor.visit(listed, entry.bytes(), null);
                    previous = entry.index();
                    count++;
                }
                if (count != pack.entries()) {
                    problems.add(new LayoutProblem(pack.file(), "malformed: holds " + count + " entries, "
                            + BundlePaths.MANIFEST + " states " + pack.entries()));
                }
            } catch (BundleException e) {
                problems.add(new LayoutProblem(pack.file(), e.getMessage().substring(pack.file().length() + 2)));
            }
        }
        return entries;
    }

    /** Reads the packs again, handing each entry {@link #entries} found to {@code visitor} with its bytes, in order. */
    static void forEach(Path root, BundleManifest manifest, Bundle.EntryVisitor visitor) throws IOException {
        Iterator<ManifestEntry> expected = manifest.entries().iterator();
        ManifestEntry next = expected.hasNext() ? expected.next() : null;
        for (ManifestPack pack : manifest.packs()) {
            if (next == null || !next.file().startsWith(pack.file() + "#")) {
                continue;
            }
            try (InputStream in = Files.newInputStream(root.resolve(pack.file()))) {
                EntryPack.Reader reader = new EntryPack.Reader(in, pack.file(), Bundle.MAX_TEXT_BYTES);
                while (next != null && next.file().startsWith(pack.file() + "#")) {
                    EntryPack.Packed entry = reader.next();
                    if (entry == null || entry.index() != next.index()) {
                        throw new IOException(pack.file() + " changed while it was read");
                    }
                    visitor.visit(next, entry.bytes(), null);
                    next = expected.hasNext() ? expected.next() : null;
                }
            } catch (BundleException e) {
                throw new IOException(pack.file() + " changed while it was read: " + e.getMessage(), e);
            }
        }
    }
}
