package org.cbamledger.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load generator for a running ledger service (BENCHMARKS.md). Creates a fresh log, registers a
 * meter-gateway key, pre-signs meter-reading batches, then submits them over HTTP for a fixed
 * window while a watcher polls the public checkpoint to time inclusion; finally measures the
 * inclusion-proof serving rate. Talks to the given URL only (loopback in our runs).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "cbam-ledger load generator")
public final class LoadGenerator implements Callable<Integer> {
    @Option(names = "--url", description = "service base URL", defaultValue = "http://127.0.0.1:8080")
    URI baseUrl;

    @Option(names = "--admin-token-file", description = "file holding an admin bearer token",
            defaultValue = "var/auth/admin.token")
    Path adminTokenFile;

    @Option(names = "--seconds", description = "length of the submission window", defaultValue = "60")
    int windowSeconds;

    @Option(names = "--proof-seconds", description = "length of the proof-serving window", defaultValue = "15")
    int proofWindowSeconds;

    @Option(names = "--proof-warmup-seconds", description = "proof requests before the window, not counted",
            defaultValue = "3")
    int proofWarmUpSeconds;

    @Option(names = "--proof-pipeline", description = "proof requests in flight per connection", defaultValue = "1")
    int proofPipeline;

    @Option(names = "--proof-connections", description = "connections asking for proofs (default: --connections)")
    Integer proofConnections;

    @Option(names = "--readings-per-entry", description = "readings in each signed batch", defaultValue = "1")
    int readingsPerEntry;

    @Option(names = "--entries-per-request", description = "envelopes per HTTP request (1 = POST /entries)",
            defaultValue = "100")
    int entriesPerRequest;

    @Option(names = "--connections", description = "concurrent HTTP submitters", defaultValue = "8")
    int connections;

    @Option(names = "--max-entries", description = "upper bound on entries pre-signed and sent",
            defaultValue = "600000")
    int maxEntries;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String adminToken = Files.readString(adminTokenFile).strip();
        LedgerClient client = new LedgerClient(baseUrl, adminToken);
        String logId = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        BenchLog log = BenchLog.create(client, logId);
        System.out.printf("log %s created; pre-signing up to %,d entries of %d reading(s)...%n",
                logId, maxEntries, readingsPerEntry);
        List<byte[]> envelopes = log.signReadingBatches(maxEntries, readingsPerEntry);

        List<List<byte[]>> requests = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i += entriesPerRequest) {
            requests.add(envelopes.subList(i, Math.min(envelopes.size(), i + entriesPerRequest)));
        }
        SubmissionRun run = new SubmissionRun(client, logId, requests, connections,
                Duration.ofSeconds(windowSeconds));
        SubmissionResult result = run.execute();
        ProofRateResult proofs = new ProofRun(client, logId, result.acknowledgedEntries(),
                proofConnections == null ? connections : proofConnections, proofPipeline,
                Duration.ofSeconds(proofWarmUpSeconds), Duration.ofSeconds(proofWindowSeconds)).execute();
        new BenchReport(windowSeconds, readingsPerEntry, entriesPerRequest, connections, result, proofs)
                .print(System.out);
        return 0;
    }
}
