package org.cbamledger.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The interactive demo's temporary data directory: private from its creation, gone when the demo stops. */
class DemoDataDirTest {

    @Test
    void createTemporary_isPrivateToItsOwner() throws Exception {
        try (DemoDataDir dir = DemoDataDir.createTemporary()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.path())));
        }
    }

    @Test
    void shutdownHook_waitsForTheServiceToStop_thenRemovesTheDirectoryWithTheTokenAndKey() throws Exception {
        DemoDataDir dir = DemoDataDir.createTemporary();
        Path token = Files.createDirectories(dir.path().resolve("auth")).resolve("admin.token");
        Files.writeString(token, "secret");
        List<String> seen = new ArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        dir.removeOnShutdown(() -> {
            seen.add(Files.exists(token) ? "token present" : "token gone");
            return polls.incrementAndGet() == 3; // the service stops on the third look
        });

        dir.shutdownHook().run(); // what the JVM runs on Ctrl-C or SIGTERM, beside Micronaut's own hook

        assertEquals(List.of("token present", "token present", "token present"), seen);
        assertFalse(Files.exists(dir.path()), "the directory and its token are removed");
        dir.close();
    }

    @Test
    void close_removesTheDirectory_andUnregistersTheShutdownHook() throws Exception {
        DemoDataDir dir = DemoDataDir.createTemporary();
        Files.writeString(dir.path().resolve("file"), "x");
        dir.removeOnShutdown(() -> true);
        Thread hook = dir.shutdownHook();

        dir.close();

        assertFalse(Files.exists(dir.path()));
        assertFalse(Runtime.getRuntime().removeShutdownHook(hook), "the hook is no longer registered");
    }

    @Test
    void removal_waitsForPostgresToReleaseItsPidFile() throws Exception {
        DemoDataDir dir = DemoDataDir.createTemporary();
        Path pidFile = Files.createDirectories(dir.path().resolve("pg")).resolve("postmaster.pid");
        Files.writeString(pidFile, "4242\n");
        Thread postgresStopping = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
                Files.delete(pidFile);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long started = System.nanoTime();
        dir.close();
        postgresStopping.join();
        assertFalse(Files.exists(dir.path()));
        assertTrue(System.nanoTime() - started >= 250_000_000L, "removed only once the pid file was gone");
    }
}
