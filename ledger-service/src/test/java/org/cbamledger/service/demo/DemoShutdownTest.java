package org.cbamledger.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cbamledger.service.bundle.DirectoryZip;
import org.junit.jupiter.api.Test;

/**
 * The interactive demo as a user runs it, in a child JVM: while it serves, its temporary data directory (admin token,
 * token-signing key) is private; SIGTERM stops it, its PostgreSQL with it, and the directory is gone.
 */
class DemoShutdownTest {
    private static final Pattern DATA_DIR = Pattern.compile("embedded PostgreSQL in (\\S+)/pg\\)");
    private static final Duration SERVE_LIMIT = Duration.ofSeconds(180);

    @Test
    void sigterm_stopsTheDemo_andRemovesItsPrivateTemporaryDataDirectory() throws Exception {
        Path work = Files.createTempDirectory("demo-shutdown-");
        Path console = work.resolve("console.log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, DemoCommand.class.getName(), "--out", work.resolve("bundle").toString(), "--scenario",
                Path.of("..", "scenarios", "turkish-extruder-2026").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        try {
            Path dataDir = awaitServing(demo, console);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
            assertTrue(Files.exists(dataDir.resolve("auth/admin.token")));
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).getFirst().trim());

            demo.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks

            assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "the demo did not stop within 60 s:\n" + Files.readString(console));
            assertFalse(Files.exists(dataDir), "the temporary data directory is left behind:\n"
                    + Files.readString(console));
            // the postmaster removes its pid file last, so it may take a moment more to exit
            Optional<ProcessHandle> stillThere = ProcessHandle.of(postmaster);
            if (stillThere.isPresent()) {
                stillThere.get().onExit().get(10, TimeUnit.SECONDS);
            }
        } finally {
            demo.destroyForcibly();
            DirectoryZip.deleteTree(work);
        }
    }

    private static Path awaitServing(Process demo, Path console) throws Exception {
        long deadline = System.nanoTime() + SERVE_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String printed = Files.readString(console);
            Optional<Path> dataDir = dataDirOf(printed);
            if (printed.contains("(Ctrl-C to stop)") && dataDir.isPresent()) {
                return dataDir.get();
            }
            assertTrue(demo.isAlive(), "the demo exited:\n" + printed);
            Thread.sleep(250);
        }
        throw new AssertionError("the demo did not serve within " + SERVE_LIMIT.toSeconds() + " s:\n"
                + Files.readString(console));
    }

    private static Optional<Path> dataDirOf(String printed) {
        Matcher m = DATA_DIR.matcher(printed);
        return m.find() ? Optional.of(Path.of(m.group(1))) : Optional.empty();
    }
}
