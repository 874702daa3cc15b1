package org.cbamledger.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Time from a new checkpoint to a witnessed one: for each of N entries, submits it, polls the public checkpoint
 * until one covers it (the checkpoint is new), then asks for a witnessed checkpoint of that size (the quorum
 * cosigned it). Against a running service configured with witnesses, e.g. the demo's.
 */
@Command(name = "bench-witness", mixinStandardHelpOptions = true,
        description = "measures the time from a new checkpoint to a witnessed checkpoint")
public final class WitnessLatency implements Callable<Integer> {
    private static final int WARM_UP = 5;

    @Option(names = "--url", description = "service base URL", defaultValue = "http://127.0.0.1:8080")
    URI url;

    @Option(names = "--admin-token-file", required = true, description = "file holding an admin bearer token")
    Path adminTokenFile;

    @Option(names = "--witness-dir", required = true,
            description = "data directory of a witness the service uses: the new log's key is added to its logs.vkey")
    List<Path> witnessDirs;

    @Option(names = "--checkpoints", defaultValue = "200", description = "checkpoints to measure")
    int checkpoints;

    @Option(names = "--pause-ms", defaultValue = "250", description = "pause between entries, so each is its own checkpoint")
    long pauseMillis;

    @Override
    public Integer call() throws Exception {
        LedgerClient client = new LedgerClient(url, Files.readString(adminTokenFile).strip());
        String logId = "bench-witness-" + System.currentTimeMillis();
        BenchLog log = BenchLog.create(client, logId);
        String logKey = client.getJson("/logs/" + logId).path("logVerifierKey").asString();
        for (Path dir : witnessDirs) {
            Files.writeString(dir.resolve("logs.vkey"), logKey + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        List<byte[]> batches = log.signReadingBatches(checkpoints + WARM_UP, 1);
        List<Double> witnessedAfterCheckpointMs = new ArrayList<>();
        List<Double> witnessedAfterSubmitMs = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            long submitted = System.nanoTime();
            long index = client.postJson("/logs/" + logId + "/entries", batches.get(i)).path("index").asLong();
            long size = index + 1;
            while (checkpointSize(client.getText("/logs/" + logId + "/checkpoint")) < size) {
                Thread.sleep(1);
            }
            long checkpointed = System.nanoTime();
            client.getText("/logs/" + logId + "/checkpoint?witnessed=true&wait=10s&minSize=" + size);
            long witnessed = System.nanoTime();
            if (i >= WARM_UP) {
                witnessedAfterCheckpointMs.add((witnessed - checkpointed) / 1e6);
                witnessedAfterSubmitMs.add((witnessed - submitted) / 1e6);
            }
            Thread.sleep(pauseMillis);
        }
        System.out.printf("log %s, %d checkpoints, %d witnesses%n", logId, witnessedAfterCheckpointMs.size(),
                witnessDirs.size());
        System.out.printf("new checkpoint -> witnessed checkpoint: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                Percentiles.of(witnessedAfterCheckpointMs, 50), Percentiles.of(witnessedAfterCheckpointMs, 95),
                Percentiles.of(witnessedAfterCheckpointMs, 100));
        System.out.printf("submission -> witnessed checkpoint:   median %.1f ms, p95 %.1f ms%n",
                Percentiles.of(witnessedAfterSubmitMs, 50), Percentiles.of(witnessedAfterSubmitMs, 95));
        return 0;
    }

    private static long checkpointSize(String note) {
        return Long.parseLong(note.split("\n", 3)[1]);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new WitnessLatency()).execute(args));
    }
}
