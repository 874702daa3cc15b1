package org.cbamledger.verifier.bundle;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.TilePath;

/**
 * Reads a bundle strictly: bundle.json must parse, and the files present must be exactly those the manifest
 * and the layout name. Layout problems are collected, not thrown, so a verifier can report all of them.
 */
public final class BundleReader {
    /** bundle.json lists every entry; 64 MiB is room for about half a million of them. */
    static final int MAX_MANIFEST_BYTES = 64 << 20;

    private BundleReader() {}

    /** {@code root} is a directory, or the root of a zip file system (see {@link ZipBundles}). */
    public static Bundle read(Path root) throws IOException, BundleException {
        return read(root, (entry, bytes, error) -> {});
    }

    /**
     * As {@link #read(Path)}; a v2 bundle's packed entries, as its packs are listed, are also handed to
     * {@code packedEntries} with their bytes, in index order (exactly those {@link Bundle#forEachEntry} would hand
     * over): the packs are inflated once. A v1 bundle hands over none.
     */
    public static Bundle read(Path root, Bundle.EntryVisitor packedEntries) throws IOException, BundleException {
        Path manifestPath = root.resolve(BundlePaths.MANIFEST);
        if (!Files.isRegularFile(manifestPath, LinkOption.NOFOLLOW_LINKS)) {
            throw new BundleException("not a bundle: " + root + " holds no " + BundlePaths.MANIFEST + " (give a bundle directory or its .zip)");
        }
        byte[] manifestBytes;
        try (var in = Files.newInputStream(manifestPath)) {
            manifestBytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        }
        if (manifestBytes.length > MAX_MANIFEST_BYTES) {
            throw new BundleException(BundlePaths.MANIFEST + ": larger than " + MAX_MANIFEST_BYTES + " bytes");
        }
        BundleManifest manifest = ManifestCodec.parse(manifestBytes);

        List<LayoutProblem> problems = new ArrayList<>();
        TreeSet<String> present = listFiles(root, problems);
        Map<TilePath, byte[]> tiles = new HashMap<>();
        if (manifest.isV2()) {
            manifest = readPacksAndTiles(root, manifest, present, tiles, problems, packedEntries);
        }
        Set<String> expected = expectedFiles(manifest);
        Set<Long> sizes = new HashSet<>(manifest.checkpointSizes());
        List<ConsistencyFile> consistency = new ArrayList<>();
        for (String file : present) {
            if (expected.contains(file) || isStatementRendering(manifest, file) || isUniquenessProof(file)
                    || INDEX_FILE.matcher(file).matches()) {
                continue;
            }
            Optional<long[]> pair = BundlePaths.parseConsistencyFile(file);
            if (pair.isEmpty()) {
                problems.add(new LayoutProblem(file, "unexpected file: not listed in bundle.json nor part of the layout"));
            } else if (pair.get()[0] >= pair.get()[1] || !sizes.contains(pair.get()[0]) || !sizes.contains(pair.get()[1])) {
                problems.add(new LayoutProblem(file,
                        "unexpected file: not a consistency proof from a smaller to a larger bundled checkpoint"));
            } else {
                consistency.add(new ConsistencyFile(pair.get()[0], pair.get()[1], file));
            }
        }
        for (String file : new TreeSet<>(expected)) {
            if (!present.contains(file)) {
                problems.add(new LayoutProblem(file, "missing: listed in bundle.json or required by the layout"));
            }
        }
        return new Bundle(root, manifest, consistency, problems, present.size(), tiles);
    }

    /**
     * v2: the entries the packs hold (in their order, each a layout problem when it breaks the order), the required
     * tiles read into {@code tiles}, and each entry's leaf hash as its level-0 tile lists it.
     */
    private static BundleManifest readPacksAndTiles(Path root, BundleManifest manifest, Set<String> present,
            Map<TilePath, byte[]> tiles, List<LayoutProblem> problems, Bundle.EntryVisitor packedEntries)
            throws IOException {
        List<ManifestEntry> packed = PackScan.entries(root, manifest, present, problems, packedEntries);
        long treeSize = manifest.treeSize();
        for (TilePath tile : BundleTiles.required(treeSize, packed.stream().map(ManifestEntry::index)::iterator)) {
            readTile(root, tile, present, problems).ifPresent(bytes -> tiles.put(tile, bytes));
        }
        return manifest.withEntries(packed.stream().map(e -> withTileHash(e, tiles, treeSize)).toList());
    }

    /** A tile's bytes, when it is present and holds exactly 32 bytes per hash of its width. */
    private static Optional<byte[]> readTile(Path root, TilePath tile, Set<String> present, List<LayoutProblem> problems)
            throws IOException {
        if (!present.contains(tile.path())) {
            return Optional.empty();
        }
        int expected = tile.width() * Merkle.HASH_BYTES;
        byte[] bytes;
        try (var in = Files.newInputStream(root.resolve(tile.path()))) {
            bytes = in.readNBytes(expected + 1);
        }
        if (bytes.length != expected) {
            problems.add(new LayoutProblem(tile.path(), "malformed: a tile of width " + tile.width() + " holds "
                    + expected + " bytes (32 per hash), this one " + (bytes.length > expected ? "more" : bytes.length)));
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    /** A packed entry with the leaf hash its level-0 tile lists, or none when that tile is absent or malformed. */
    private static ManifestEntry withTileHash(ManifestEntry entry, Map<TilePath, byte[]> tiles, long treeSize) {
        byte[] tile = tiles.get(TilePath.forTreeSize(0, entry.index() >>> TilePath.HEIGHT, treeSize));
        if (tile == null) {
            return entry;
        }
        int at = (int) (entry.index() % TilePath.FULL_WIDTH) * Merkle.HASH_BYTES;
        return new ManifestEntry(entry.index(), HexFormat.of().formatHex(tile, at, at + Merkle.HASH_BYTES), entry.file());
    }

    /** A room bundle's index proofs; the index check requires those of the room's scope (BUNDLE.md). */
    private static final Pattern INDEX_FILE = Pattern.compile("index/[0-9a-f]{64}\\.json");
    private static final Pattern UNIQUENESS_FILE =
            Pattern.compile("uniqueness/(map\\.note|[0-9a-f]{64}\\.json)");

    private static Set<String> expectedFiles(BundleManifest manifest) {
        Set<String> files = new HashSet<>();
        files.add(BundlePaths.MANIFEST);
        files.add(BundlePaths.LOG_KEY);
        manifest.checkpointSizes().forEach(s -> files.add(BundlePaths.checkpointFile(s)));
        manifest.timestampSizes().forEach(s -> files.add(BundlePaths.timestampFile(s)));
        if (manifest.isV2()) {
            manifest.packs().forEach(p -> files.add(p.file()));
            BundleTiles.required(manifest.treeSize(), manifest.entries().stream().map(ManifestEntry::index)::iterator)
                    .forEach(t -> files.add(t.path()));
        } else {
            for (ManifestEntry e : manifest.entries()) {
                files.add(e.file());
                files.add(BundlePaths.proofFile(e.index()));
            }
        }
        manifest.documents().stream().filter(d -> !d.erased()).forEach(d -> files.add(d.file()));
        if (manifest.statementFile() != null) {
            files.add(manifest.statementFile());
            files.add(BundlePaths.statementJwsFile(manifest.statementFile()));
        }
        return files;
    }

    /**
     * The statement's PDF and workbook are optional here: the statement-pdf and statement-workbook checks require
     * each when the signed statement binds it.
     */
    private static boolean isStatementRendering(BundleManifest manifest, String file) {
        return manifest.statementFile() != null && (file.equals(BundlePaths.statementPdfFile(manifest.statementFile()))
                || file.equals(BundlePaths.statementWorkbookFile(manifest.statementFile())));
    }

    /** Uniqueness proofs are optional; the uniqueness check verifies each one that is present (BUNDLE.md). */
    private static boolean isUniquenessProof(String file) {
        return UNIQUENESS_FILE.matcher(file).matches();
    }

    /** Every file under root as a '/'-separated relative name; links and other non-files are problems. */
    private static TreeSet<String> listFiles(Path root, List<LayoutProblem> problems) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = relativeName(root, file);
                    if (attrs.isRegularFile()) {
                        files.add(name);
                    } else {
                        problems.add(new LayoutProblem(name, "unexpected file: not a regular file"));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            throw new IOException("bundle not found: " + root, e);
        }
        return files;
    }

    private static String relativeName(Path root, Path file) {
        StringBuilder name = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(part.toString());
        }
        return name.toString();
    }
}
