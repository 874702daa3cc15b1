package org.cbamledger.calculation.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A scenario directory copied to a test's directory, to change a file of it. */
final class ScenarioCopies {
    private ScenarioCopies() {}

    static Path copy(Path scenario, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(scenario)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }
}
