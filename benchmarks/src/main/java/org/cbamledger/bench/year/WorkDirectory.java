package org.cbamledger.bench.year;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The bench's temporary directory (the bundle, 138 MB at 500 meters, and the service's database) removed. */
final class WorkDirectory {
    private WorkDirectory() {}

    /** Deletes the directory and everything under it, deepest first; symbolic links are removed, not followed. */
    static void remove(Path directory) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
