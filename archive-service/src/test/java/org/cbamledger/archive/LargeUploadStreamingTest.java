package org.cbamledger.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link LargeUploadCheck} with 64 MiB in a JVM whose heap (96 MiB) could not hold the body beside
 * one multipart buffer and the server: the upload passes only if it streams. The 2 GiB run is by hand.
 */
class LargeUploadStreamingTest {
    private static final long SIZE_BYTES = 64L * 1024 * 1024;

    @TempDir
    Path directory;

    @Test
    void upload64MiB_withA96MiBHeap_streamsAndVerifies() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx96m",
                        "-cp", System.getProperty("java.class.path"),
                        LargeUploadCheck.class.getName(), Long.toString(SIZE_BYTES), directory.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("verified"), output);
    }
}
