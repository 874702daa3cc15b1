package org.cbamledger.service.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The postmaster a killed service left on the embedded data directory. zonky starts PostgreSQL through
 * {@code pg_ctl}, so the postmaster is no child of the JVM and outlives a SIGKILL of it; the next start then finds
 * {@code postmaster.pid} taken and waits in vain. Before starting, this stops such a postmaster (fast shutdown,
 * then immediate shutdown) when it is a postgres of this data directory, and removes a pid file left by a dead one.
 */
final class LeftoverPostmaster {
    private static final Logger LOG = Logger.getLogger(LeftoverPostmaster.class.getName());
    static final String PID_FILE = "postmaster.pid";
    /** zonky's lock file, held by the JVM whose embedded server runs on the directory. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final Duration IMMEDIATE_SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private LeftoverPostmaster() {}

    /**
     * @throws IOException a live service holds the directory, or the leftover postmaster does not stop
     */
    static void clear(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        requireNoLiveService(dataDir);
        Optional<ProcessHandle> postmaster = pidOf(pidFile).flatMap(ProcessHandle::of)
                .filter(p -> p.isAlive() && isPostgresOf(p, dataDir));
        if (postmaster.isEmpty()) {
            LOG.info("removing stale " + pidFile + ": no postgres of this data directory runs under its pid");
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle p = postmaster.get();
        LOG.warning("stopping postmaster " + p.pid() + " left running on " + dataDir + " by a killed service");
        long stoppingAt = System.nanoTime();
        // PostgreSQL: SIGINT is fast shutdown (rolls back open transactions, checkpoints); SIGQUIT immediate
        if (!signalAndWait(p, "INT", FAST_SHUTDOWN_WAIT) && !signalAndWait(p, "QUIT", IMMEDIATE_SHUTDOWN_WAIT)) {
            throw new IOException("postmaster " + p.pid() + " left on " + dataDir + " did not stop within "
                    + FAST_SHUTDOWN_WAIT.plus(IMMEDIATE_SHUTDOWN_WAIT).toSeconds() + " s");
        }
        Files.deleteIfExists(pidFile);
        LOG.info("postmaster " + p.pid() + " stopped in " + Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis()
                + " ms");
    }

    private static void requireNoLiveService(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("the embedded PostgreSQL data directory " + dataDir
                        + " is in use by another running service");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new IOException("the embedded PostgreSQL data directory " + dataDir + " is in use in this process", e);
        }
    }

    /** Line 1 of postmaster.pid is the postmaster's pid (negative for a single-user backend). */
    private static Optional<Long> pidOf(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Math.abs(Long.parseLong(lines.getFirst().trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A postgres executable whose working directory is this data directory (a postmaster chdirs into it). */
    private static boolean isPostgresOf(ProcessHandle p, Path dataDir) {
        boolean postgres = p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        try {
            return postgres && Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd"))
                    .equals(dataDir.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean signalAndWait(ProcessHandle p, String signal, Duration wait) throws IOException {
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(p.pid())).inheritIO().start().waitFor();
            p.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IOException("waiting for postmaster " + p.pid() + " to stop failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping postmaster " + p.pid(), e);
        }
    }
}
