package org.cbamledger.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.CheckpointVerifier;
import org.cbamledger.signer.ConsistencyProofVerifier;
import org.cbamledger.signer.NoteVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * The client side of {@code ./cbam test-cluster}: ingests single entries through several service instances for a
 * fixed time, switching instance after a failed attempt and resubmitting the same entry (a resubmission answers
 * with the entry's receipt), while watching every instance's checkpoint. Then checks that every acknowledged
 * receipt is at its index, that no two checkpoints of one size differ, and that every checkpoint seen is
 * consistent with the last. Prints the windows without any acknowledgement; exits 1 when a check fails.
 */
@Command(name = "failover-drill", mixinStandardHelpOptions = true, description = "ingest through a failover and check")
public final class FailoverDrill implements Callable<Integer> {
    private static final Duration SILENCE_REPORTED = Duration.ofMillis(1000);

    @Option(names = "--url", required = true, description = "a service instance's base URL (repeat)")
    List<URI> urls;

    @Option(names = "--admin-token-file", required = true)
    Path adminTokenFile;

    @Option(names = "--seconds", defaultValue = "60", description = "length of the ingestion")
    int seconds;

    @Option(names = "--connections", defaultValue = "4")
    int connections;

    private record Acked(long index, String leafHash) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new FailoverDrill()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String token = Files.readString(adminTokenFile).strip();
        List<LedgerClient> clients = urls.stream().map(u -> new LedgerClient(u, token)).toList();
        String logId = "drill-" + Long.toString(System.currentTimeMillis(), 36);
        BenchLog log = BenchLog.create(clients.getFirst(), logId);
        String verifierKey = clients.getFirst().getJson("/logs/" + logId).path("logVerifierKey").asString();
        List<byte[]> envelopes = log.signReadingBatches(60_000, 1);

        long startMillis = System.currentTimeMillis();
        long endNanos = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        System.out.println("INGESTING " + startMillis + " log " + logId);
        AtomicInteger next = new AtomicInteger();
        AtomicLong failedAttempts = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        Map<Integer, Acked> acked = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> ackMillis = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> growthMillis = new ConcurrentLinkedQueue<>();
        AtomicLong largest = new AtomicLong();
        Map<Long, String> checkpoints = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            int first = t;
            threads.add(Thread.ofPlatform().name("drill-" + t).start(() -> {
                int via = first;
                while (System.nanoTime() < endNanos) {
                    int n = next.getAndIncrement();
                    byte[] envelope = envelopes.get(n);
                    while (System.nanoTime() < endNanos) {
                        try {
                            JsonNode receipt = clients.get(via % clients.size())
                                    .postJson("/logs/" + logId + "/entries", envelope);
                            acked.put(n, new Acked(receipt.path("index").asLong(), receipt.path("leafHash").asString()));
                            ackMillis.add(System.currentTimeMillis());
                            break;
                        } catch (Exception e) {
                            failedAttempts.incrementAndGet();
                            if (String.valueOf(e.getMessage()).contains("answered 503")) {
                                unavailable.incrementAndGet();
                            }
                            via++;
                            sleep(200);
                        }
                    }
                }
            }));
        }
        Thread watcher = Thread.ofPlatform().name("drill-watch").start(() -> {
            while (System.nanoTime() < endNanos) {
                for (LedgerClient client : clients) {
                    try {
                        String note = client.getText("/logs/" + logId + "/checkpoint");
                        long size = Checkpoint.parse(body(note)).size();
                        if (size > largest.getAndAccumulate(size, Math::max)) {
                            growthMillis.add(System.currentTimeMillis());
                        }
                        String before = checkpoints.putIfAbsent(size, note);
                        if (before != null && !before.equals(note)) {
                            conflicts.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // an instance or the database is down: the windows below show it
                    }
                }
                sleep(200);
            }
        });
        for (Thread t : threads) {
            t.join();
        }
        watcher.join();

        System.out.printf("acknowledged %d entries, %d failed attempts (%d answered 503; each resubmitted)%n",
                acked.size(), failedAttempts.get(), unavailable.get());
        printWindows("no acknowledgement", ackMillis, startMillis);
        printWindows("no new checkpoint", growthMillis, startMillis);
        return verify(clients, logId, verifierKey, acked, new TreeMap<>(checkpoints), conflicts.get()) ? 0 : 1;
    }

    private static boolean verify(List<LedgerClient> clients, String logId, String verifierKey, Map<Integer, Acked> acked,
            TreeMap<Long, String> checkpoints, int conflicts) throws Exception {
        LedgerClient client = live(clients);
        // the last instance may still be integrating what the others sequenced: wait (bounded) for a covering checkpoint
        long maxIndex = acked.values().stream().mapToLong(Acked::index).max().orElse(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String latest = client.getText("/logs/" + logId + "/checkpoint");
        while (Checkpoint.parse(body(latest)).size() <= maxIndex && System.nanoTime() < deadline) {
            sleep(500);
            latest = client.getText("/logs/" + logId + "/checkpoint");
        }
        Checkpoint last = Checkpoint.parse(body(latest));
        checkpoints.merge(last.size(), latest, (a, b) -> a);
        int lost = 0;
        for (Acked a : acked.values()) {
            JsonNode entry = client.getJson("/logs/" + logId + "/entries/" + a.index());
            if (!a.leafHash().equalsIgnoreCase(entry.path("leafHash").asString())) {
                lost++;
            }
        }
        NoteVerifier verifier = NoteVerifier.parse(verifierKey);
        int inconsistent = 0;
        for (String note : checkpoints.values()) {
            Checkpoint c = CheckpointVerifier.verify(note, List.of(verifier), Checkpoint.parse(body(note)).origin());
            if (c.size() == last.size()) {
                inconsistent += java.util.Arrays.equals(c.rootHash(), last.rootHash()) ? 0 : 1;
                continue;
            }
            JsonNode proof = client.getJson("/logs/" + logId + "/proofs/consistency?from=" + c.size() + "&to=" + last.size());
            List<byte[]> hashes = new ArrayList<>();
            proof.path("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
            try {
                ConsistencyProofVerifier.verify(c.size(), last.size(), c.rootHash(), last.rootHash(), hashes);
            } catch (Exception e) {
                inconsistent++;
            }
        }
        System.out.printf("lost %d of %d acknowledged; %d checkpoints seen (sizes %d..%d), %d inconsistent with the last,"
                        + " %d sizes with two different checkpoints; final size %d, root %s%n",
                lost, acked.size(), checkpoints.size(), checkpoints.firstKey(), checkpoints.lastKey(), inconsistent, conflicts,
                last.size(), HexFormat.of().formatHex(last.rootHash()));
        boolean ok = lost == 0 && inconsistent == 0 && conflicts == 0 && !acked.isEmpty();
        System.out.println(ok ? "DRILL PASSED" : "DRILL FAILED");
        return ok;
    }

    private static void printWindows(String what, ConcurrentLinkedQueue<Long> eventMillis, long startMillis) {
        List<Long> times = new ArrayList<>(eventMillis);
        times.sort(null);
        long previous = startMillis;
        for (long at : times) {
            if (at - previous > SILENCE_REPORTED.toMillis()) {
                System.out.printf("WINDOW %s from +%.1f s to +%.1f s (%.1f s)%n", what,
                        (previous - startMillis) / 1e3, (at - startMillis) / 1e3, (at - previous) / 1e3);
            }
            previous = at;
        }
    }

    /** The first instance still answering (the drill kills one). */
    private static LedgerClient live(List<LedgerClient> clients) throws Exception {
        Exception last = null;
        for (LedgerClient client : clients) {
            try {
                client.getText("/health");
                return client;
            } catch (Exception e) {
                last = e;
            }
        }
        throw last;
    }

    private static String body(String note) {
        return note.substring(0, note.indexOf("\n\n") + 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
