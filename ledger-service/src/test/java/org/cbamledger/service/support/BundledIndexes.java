package org.cbamledger.service.support;

import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cbamledger.verifier.bundle.BundleReader;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.bundle.ZipBundles;

/**
 * The leaf indexes a bundle (a directory, a .zip or its bytes) holds, and their entries' bytes, as the verifier's reader
 * finds them in its packs (v2) or files (v1).
 */
public final class BundledIndexes {
    private BundledIndexes() {}

    public static List<Long> of(Path bundle) throws Exception {
        if (Files.isRegularFile(bundle)) {
            try (FileSystem zip = ZipBundles.open(bundle)) {
                return read(zip.getPath("/"));
            }
        }
        return read(bundle);
    }

    public static List<Long> of(byte[] zip) throws Exception {
        Path file = Files.createTempFile("bundle", ".zip");
        try {
            Files.write(file, zip);
            return of(file);
        } finally {
            Files.delete(file);
        }
    }

    /** The bundled entries' exact bytes by leaf index. */
    public static Map<Long, byte[]> entries(Path bundle) throws Exception {
        if (Files.isRegularFile(bundle)) {
            try (FileSystem zip = ZipBundles.open(bundle)) {
                return readEntries(zip.getPath("/"));
            }
        }
        return readEntries(bundle);
    }

    private static Map<Long, byte[]> readEntries(Path root) throws Exception {
        Map<Long, byte[]> entries = new TreeMap<>();
        BundleReader.read(root).forEachEntry((entry, bytes, error) -> {
            if (bytes == null) {
                throw new IllegalStateException(entry.file() + ": " + error);
            }
            entries.put(entry.index(), bytes);
        });
        return entries;
    }

    private static List<Long> read(Path root) throws Exception {
        return BundleReader.read(root).manifest().entries().stream().map(ManifestEntry::index).toList();
    }
}
