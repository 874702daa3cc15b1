package org.cbamledger.service.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.cbamledger.service.bundle.DirectoryZip;

/**
 * The interactive demo's temporary data directory. It holds the admin token and the token-signing key, so it is
 * private to its owner (0700) from its creation, and it goes when the demo stops: on exit, Ctrl-C or SIGTERM, after
 * the service and its PostgreSQL have stopped.
 */
final class DemoDataDir implements AutoCloseable {
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final Path path;
    private Thread shutdownHook;

    private DemoDataDir(Path path) {
        this.path = path;
    }

    static DemoDataDir createTemporary() throws IOException {
        return new DemoDataDir(Files.createTempDirectory("cbam-demo-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }

    Path path() {
        return path;
    }

    /**
     * On Ctrl-C or SIGTERM: waits until {@code serviceStopped} (Micronaut's own shutdown hook stops the service and
     * with it PostgreSQL; closing it from here too would deadlock on the server's lock), then removes the directory.
     */
    synchronized void removeOnShutdown(BooleanSupplier serviceStopped) {
        shutdownHook = new Thread(() -> removeOnceStopped(serviceStopped), "cbam-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The hook {@link #removeOnShutdown} registered, for a test to run without stopping its JVM. */
    synchronized Thread shutdownHook() {
        return shutdownHook;
    }

    /** Removes the directory now (the demo's --exit path, its service already closed) and forgets the hook. */
    @Override
    public synchronized void close() throws IOException {
        if (shutdownHook != null) {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            shutdownHook = null;
        }
        remove();
    }

    private void removeOnceStopped(BooleanSupplier serviceStopped) {
        try {
            awaitOrGiveUp(serviceStopped);
            remove();
        } catch (IOException | RuntimeException e) {
            System.err.println("cbam demo: could not remove " + path + ": " + e.getMessage());
        }
    }

    private void remove() throws IOException {
        // zonky's shutdown hook may still be stopping the server: wait for the postmaster to let go of its files
        Path pidFile = path.resolve("pg").resolve("postmaster.pid");
        awaitOrGiveUp(() -> !Files.exists(pidFile));
        DirectoryZip.deleteTree(path);
    }

    private static void awaitOrGiveUp(BooleanSupplier done) {
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
