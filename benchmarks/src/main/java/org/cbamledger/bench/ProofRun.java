package org.cbamledger.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.InclusionProofVerifier;
import org.cbamledger.signer.ProofException;
import tools.jackson.databind.JsonNode;

/**
 * Asks for inclusion proofs of random entries against the final checkpoint's size for a fixed window, each
 * connection keeping {@code pipeline} requests in flight; one answer in 256 is checked against the checkpoint's root.
 */
final class ProofRun {
    private static final int CHECK_EVERY = 256;

    private final LedgerClient client;
    private final String logId;
    private final long entries;
    private final int connections;
    private final int pipeline;
    private final Duration warmUp;
    private final Duration window;

    /** {@code warmUp}: asked for but not counted, so that the window measures compiled code. */
    ProofRun(LedgerClient client, String logId, long entries, int connections, int pipeline, Duration warmUp,
            Duration window) {
        this.client = client;
        this.logId = logId;
        this.entries = entries;
        this.connections = connections;
        this.pipeline = pipeline;
        this.warmUp = warmUp;
        this.window = window;
    }

    ProofRateResult execute() throws Exception {
        Checkpoint checkpoint = finalCheckpoint();
        long leaves = Math.max(1, Math.min(entries, checkpoint.size()));
        AtomicLong served = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong checked = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        long start = System.nanoTime() + warmUp.toNanos();
        long deadline = start + window.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            for (int c = 0; c < connections; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        try (KeepAliveConnection connection = client.connect()) {
                            long[] asked = new long[pipeline];
                            while (System.nanoTime() < deadline) {
                                for (int i = 0; i < pipeline; i++) {
                                    asked[i] = ThreadLocalRandom.current().nextLong(leaves);
                                    connection.get("/logs/" + logId + "/proofs/inclusion?index=" + asked[i]
                                            + "&treeSize=" + checkpoint.size(), client.adminToken());
                                }
                                connection.flush();
                                for (int i = 0; i < pipeline; i++) {
                                    KeepAliveConnection.Response response = connection.read();
                                    if (System.nanoTime() < start) {
                                        continue;
                                    }
                                    if (response.status() != 200) {
                                        failed.incrementAndGet();
                                    } else if (served.incrementAndGet() % CHECK_EVERY == 0) {
                                        checked.incrementAndGet();
                                        if (!proves(response.body(), asked[i], checkpoint)) {
                                            wrong.incrementAndGet();
                                        }
                                    }
                                }
                            }
                        } catch (IOException | RuntimeException e) {
                            if (System.nanoTime() >= start) { // as answers, failures in the warm-up are not counted
                                failed.incrementAndGet();
                            }
                        }
                    }
                });
            }
        }
        return new ProofRateResult(served.get(), failed.get(), checked.get(), wrong.get(), System.nanoTime() - start,
                checkpoint.size());
    }

    /**
     * The checkpoint covering every sequenced entry, waited for (up to a minute) so that the window measures serving
     * proofs, not a write path still integrating the submissions' tail.
     */
    private Checkpoint finalCheckpoint() throws Exception {
        long sequenced = client.getJson("/logs/" + logId).path("sequencedSize").asLong();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            String note = client.getText("/logs/" + logId + "/checkpoint");
            Checkpoint checkpoint = Checkpoint.parse(note.substring(0, note.indexOf("\n\n") + 1));
            if (checkpoint.size() >= sequenced || System.nanoTime() > deadline) {
                return checkpoint;
            }
            Thread.sleep(100);
        }
    }

    private static boolean proves(byte[] body, long index, Checkpoint checkpoint) {
        JsonNode proof = LedgerClient.JSON.readTree(body);
        List<byte[]> hashes = new ArrayList<>();
        proof.path("hashes").values().forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        try {
            InclusionProofVerifier.verify(index, checkpoint.size(),
                    HexFormat.of().parseHex(proof.path("leafHash").asString()), hashes, checkpoint.rootHash());
            return proof.path("index").asLong() == index;
        } catch (ProofException | IllegalArgumentException e) {
            return false;
        }
    }
}
