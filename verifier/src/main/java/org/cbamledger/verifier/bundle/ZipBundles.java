package org.cbamledger.verifier.bundle;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A bundle given as a zip: read in place through the zip file system, never extracted. */
public final class ZipBundles {
    private ZipBundles() {}

    public static boolean isZip(Path path) {
        return path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /**
     * Opens the zip read-only; the bundle's files are at the root of the returned file system. A zip that
     * names an entry twice is refused: tools disagree on which copy counts.
     */
    public static FileSystem open(Path zip) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                if (!names.add(entry.getName())) {
                    throw new IOException(zip + ": zip holds entry " + entry.getName() + " twice");
                }
            }
        }
        return FileSystems.newFileSystem(zip, Map.of("readOnly", "true"));
    }
}
