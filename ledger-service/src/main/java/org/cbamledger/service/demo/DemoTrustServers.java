package org.cbamledger.service.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cbamledger.witness.KnownLogs;
import org.cbamledger.witness.WitnessCommand;
import org.cbamledger.witness.tsa.TsaCommand;

/**
 * The demo's independent parties: two witnesses and a time-stamp authority, each a child process on loopback
 * (a free port each, data under the demo's data directory), as an importer, a verifier or a public service would
 * run them ({@code ./cbam witness}, {@code ./cbam tsa}).
 */
final class DemoTrustServers implements AutoCloseable {
    static final List<String> WITNESS_NAMES = List.of("demo-witness-a", "demo-witness-b");
    static final int QUORUM = 2;

    private final List<Process> processes = new ArrayList<>();
    private final List<String> witnessUrls = new ArrayList<>();
    private final List<String> witnessKeys = new ArrayList<>();
    private final List<Path> witnessDirs = new ArrayList<>();
    private String tsaUrl;
    private Path tsaCertificate;

    static DemoTrustServers start(Path dataDir) throws IOException {
        DemoTrustServers servers = new DemoTrustServers();
        try {
            for (String name : WITNESS_NAMES) {
                Path dir = dataDir.resolve(name);
                String line = servers.spawn(WitnessCommand.class, "--port", "0", "--data-dir", dir.toString(),
                        "--name", name);
                // "witness <vkey> listening on <url>"
                String[] words = line.split(" ");
                servers.witnessKeys.add(words[1]);
                servers.witnessUrls.add(words[4]);
                servers.witnessDirs.add(dir);
            }
            Path tsaDir = dataDir.resolve("demo-tsa");
            String line = servers.spawn(TsaCommand.class, "--port", "0", "--data-dir", tsaDir.toString());
            // "tsa certificate <path> listening on <url>"
            String[] words = line.split(" ");
            servers.tsaCertificate = Path.of(words[2]);
            servers.tsaUrl = words[5];
        } catch (IOException | RuntimeException e) {
            servers.close();
            throw e;
        }
        return servers;
    }

    /** Starts {@code main} of the class on this JVM's class path; returns the first line it prints. */
    private String spawn(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            throw new IOException(main.getSimpleName() + " exited before it listened");
        }
        return line;
    }

    /** The service's configuration for these servers. */
    Map<String, Object> serviceProperties() {
        return Map.of(
                "cbam.witness.urls", String.join(",", witnessUrls),
                "cbam.witness.keys", String.join(",", witnessKeys),
                "cbam.witness.quorum", QUORUM,
                "cbam.tsa.urls", tsaUrl,
                "cbam.tsa.certificates", tsaCertificate.toString());
    }

    /** Tells each witness of the log (its vkey), as the log's operator asks a witness operator to. */
    void addLog(String logVerifierKey) throws IOException {
        for (Path dir : witnessDirs) {
            Files.writeString(dir.resolve(KnownLogs.FILE), logVerifierKey + "\n", StandardCharsets.UTF_8);
        }
    }

    List<String> witnessKeys() {
        return witnessKeys;
    }

    String tsaCertificatePem() throws IOException {
        return Files.readString(tsaCertificate, StandardCharsets.US_ASCII);
    }

    String describe() {
        return "witnesses " + String.join(", ", witnessUrls) + " (quorum " + QUORUM + "), TSA " + tsaUrl;
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
