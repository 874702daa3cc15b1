package org.cbamledger.bench.year;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger service in its own JVM on embedded PostgreSQL, as {@code ./cbam serve} runs it (the caller is already
 * in the user namespace the cbam script makes for root): a free port on loopback, a fresh data directory, its
 * output in {@code service.log} there.
 */
final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final Path dataDir;
    final URI url;
    final String adminToken;

    private ServiceProcess(Process process, Path dataDir, URI url, String adminToken) {
        this.process = process;
        this.dataDir = dataDir;
        this.url = url;
        this.adminToken = adminToken;
    }

    ProcessHandle jvm() {
        return process.toHandle();
    }

    /** The embedded PostgreSQL server, which pg_ctl leaves a child of init: found by its data directory, inside the service's. */
    List<ProcessHandle> postgres() {
        String pgData = dataDir.resolve("pg").toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().filter(c -> c.contains("/postgres ")
                && c.contains(" -D " + pgData + " ")).isPresent()).toList();
    }

    static ServiceProcess start(Path home, Path dataDir) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("service.log");
        List<String> command = new ArrayList<>(List.of(JavaProcesses.java(), "-cp", JavaProcesses.classpath(home, "ledger-service")));
        command.addAll(List.of("org.cbamledger.service.LedgerApplication", "--port", "0", "--host", "127.0.0.1",
                "--data-dir", dataDir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String prefix = "cbam-ledger listening on ";
        for (int waited = 0; waited < 1200; waited++) {
            if (!process.isAlive()) {
                throw new IOException("the service exited with " + process.exitValue() + "; see " + log);
            }
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith(prefix)) {
                    String token = Files.readString(dataDir.resolve("auth/admin.token")).strip();
                    return new ServiceProcess(process, dataDir, URI.create(line.substring(prefix.length()).strip() + "/"), token);
                }
            }
            Thread.sleep(100);
        }
        process.destroy();
        throw new IOException("the service did not start within 120 s; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
