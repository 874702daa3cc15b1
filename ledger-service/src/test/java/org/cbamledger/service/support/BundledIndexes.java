package org.cbamledger.service.support;

import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cbamledger.verifier.bundle.BundleReader;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.bundle.ZipBundles;

/** The leaf indexes a bundle (a directory, a .zip or its bytes) holds, as the verifier's reader finds them in its packs. */
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

    private static List<Long> read(Path root) throws Exception {
        return BundleReader.read(root).manifest().entries().stream().map(ManifestEntry::index).toList();
    }
}
