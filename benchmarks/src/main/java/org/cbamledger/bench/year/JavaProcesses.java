package org.cbamledger.bench.year;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How a module of this checkout runs in a JVM of its own: this JVM's java and the module's runtime class path. */
final class JavaProcesses {
    private JavaProcesses() {}

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static String classpath(Path home, String module) throws IOException {
        Path file = home.resolve(module).resolve("target/runtime-classpath.txt");
        if (!Files.exists(file)) {
            throw new IOException(file + " is missing: build first (./cbam build)");
        }
        return home.resolve(module).resolve("target/classes") + ":" + Files.readString(file).strip();
    }

    /** The process's peak resident set (VmHWM, kB) as /proc shows it now; -1 once it has gone. */
    static long peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
