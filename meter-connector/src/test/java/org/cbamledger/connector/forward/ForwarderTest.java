package org.cbamledger.connector.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.Ports;
import org.cbamledger.connector.batch.BatchSigner;
import org.cbamledger.connector.batch.MeterReadingBatch;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.connector.reading.IntervalReading;
import org.cbamledger.connector.reading.Quality;
import org.cbamledger.connector.register.RegisterValue;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The forwarder against a real HTTP server on loopback. */
class ForwarderTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final String LOG = "acme-extrusion";

    @TempDir
    Path dir;

    private final SigningKey deviceKey = SigningKey.generate(KeyAlgorithm.ED25519);
    private final BatchSigner signer = new BatchSigner(deviceKey);
    private LoopbackLedger ledger;
    private Journal journal;

    @BeforeEach
    void start() throws Exception {
        ledger = new LoopbackLedger(Ports.free(), LOG, deviceKey.publicKey()).start();
        journal = Journal.open(dir, 1 << 20, 64 * 1024);
    }

    @AfterEach
    void stop() throws Exception {
        ledger.close();
        journal.close();
    }

    private Forwarder forwarder() {
        return new Forwarder(journal, new LedgerClient(ledger.url(), LOG, "token", Duration.ofSeconds(2)),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)));
    }

    private void journalBatches(int n, BatchSigner by) throws Exception {
        for (int i = 0; i < n; i++) {
            long s = journal.nextSequence();
            Instant start = T0.plus(Duration.ofMinutes(15 * (s - 1)));
            RegisterValue end = new RegisterValue(new BigDecimal(100 + s), new int[] {0, (int) s}, new BigDecimal("0.001"));
            IntervalReading reading = new IntervalReading("press-1", start, start.plus(Duration.ofMinutes(15)),
                    new BigDecimal("1.5"), Quality.GOOD, null, end, Map.of(), null);
            journal.append(s, by.sign(new MeterReadingBatch("press-1", "gw-1", s - 1, List.of(reading))), new byte[0]);
        }
    }

    private List<Long> ledgerSequences() throws Exception {
        return ledger.records().stream().map(r -> r.get("sequence").asLong()).toList();
    }

    @Test
    void drain_sendsInSequenceOrderAndJournalsEachReceipt() throws Exception {
        journalBatches(5, signer);
        assertTrue(forwarder().drain(Duration.ofSeconds(10)));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), ledgerSequences());
        assertEquals(5, journal.acknowledgedThrough());
        String receipt = new String(journal.receiptsFrom(3).getFirst(), StandardCharsets.UTF_8);
        assertTrue(receipt.startsWith("{\"logId\":\"acme-extrusion\",\"index\":2,"), receipt);
    }

    @Test
    void ledgerDown_keepsBatchesAndDeliversThemInOrderAfterRecovery() throws Exception {
        ledger.stop();
        Forwarder forwarder = forwarder();
        Thread thread = Thread.ofPlatform().start(forwarder);
        try {
            journalBatches(4, signer);
            forwarder.wakeUp();
            Thread.sleep(300);
            assertEquals(4, journal.pendingBatches());
            assertTrue(forwarder.lastError().contains("unreachable"), forwarder.lastError());
            ledger.start();
            journalBatches(2, signer);
            forwarder.wakeUp();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (journal.pendingBatches() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            forwarder.stop();
            thread.join(5000);
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), ledgerSequences());
        assertEquals(6, ledger.posts());
    }

    @Test
    void crashAfterDeliveryBeforeReceipt_resendsTheIdenticalEnvelopeAndTheLedgerCountsItOnce() throws Exception {
        journalBatches(2, signer);
        // batch 1 reached the ledger, then the connector died before writing the receipt
        new LedgerClient(ledger.url(), LOG, null, Duration.ofSeconds(2)).submit(journal.read(1).orElseThrow().envelope());
        journal.close();
        journal = Journal.open(dir, 1 << 20, 64 * 1024);
        Forwarder forwarder = forwarder();
        assertTrue(forwarder.drain(Duration.ofSeconds(10)));
        assertEquals(List.of(0L, 1L), ledgerSequences());
        assertEquals(1, ledger.replays());
        assertEquals(1, forwarder.replayed());
    }

    @Test
    void unregisteredKey_keepsBatchesWaitingUntilTheKeyIsRegistered() throws Exception {
        SigningKey other = SigningKey.generate(KeyAlgorithm.ED25519);
        ledger.registerKey(other.publicKey());
        journalBatches(2, signer);
        Forwarder forwarder = forwarder();
        assertTrue(!forwarder.drain(Duration.ofMillis(500)));
        assertEquals(2, journal.pendingBatches());
        assertEquals(0, forwarder.rejected());
        assertTrue(forwarder.lastError().contains("unknown-key"), forwarder.lastError());
        ledger.registerKey(deviceKey.publicKey());
        assertTrue(forwarder.drain(Duration.ofSeconds(10)));
        assertEquals(List.of(0L, 1L), ledgerSequences());
    }

    @Test
    void batchTheLedgerRefusesForGood_isRecordedAsRejectedAndTheNextOneStillGoes() throws Exception {
        // a record the schema refuses (sequence is negative) can only be made by hand: sign it directly
        byte[] bad = org.cbamledger.signer.Envelope.sign("meter-reading-batch",
                "{\"kind\":\"meter-reading-batch\",\"meterId\":\"m\",\"deviceId\":\"d\",\"sequence\":-1,\"readings\":[]}"
                        .getBytes(StandardCharsets.UTF_8), deviceKey).canonicalBytes();
        journal.append(1, bad, new byte[0]);
        journalBatches(1, signer);
        Forwarder forwarder = forwarder();
        assertTrue(forwarder.drain(Duration.ofSeconds(10)));
        assertEquals(1, forwarder.rejected());
        assertEquals(List.of(1L), ledgerSequences());
        JsonNode rejection = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(journal.receiptsFrom(1).getFirst());
        assertEquals(422, rejection.get("rejected").asInt());
    }

    private Forwarder batchingForwarder(int maxBatchEntries) {
        return new Forwarder(journal, new LedgerClient(ledger.url(), LOG, "token", Duration.ofSeconds(2)),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)), maxBatchEntries);
    }

    @Test
    void backlog_goesInBatchRequestsInOrderWithOneReceiptPerBatch() throws Exception {
        journalBatches(7, signer);
        Forwarder forwarder = batchingForwarder(3);
        assertTrue(forwarder.drain(Duration.ofSeconds(10)));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), ledgerSequences());
        // 3 + 3 in batch requests, the last one alone (nothing behind it)
        assertEquals(2, ledger.batchPosts());
        assertEquals(2, forwarder.acceptedBatchRequests());
        assertEquals(7, forwarder.accepted());
        String receipt = new String(journal.receiptsFrom(5).getFirst(), StandardCharsets.UTF_8);
        assertTrue(receipt.startsWith("{\"logId\":\"acme-extrusion\",\"index\":4,"), receipt);
    }

    @Test
    void batchRequestWithABadBatch_isRefusedWholeThenSentSinglySoOnlyTheBadOneIsRejected() throws Exception {
        journalBatches(2, signer);
        byte[] bad = org.cbamledger.signer.Envelope.sign("meter-reading-batch",
                "{\"kind\":\"meter-reading-batch\",\"meterId\":\"m\",\"deviceId\":\"d\",\"sequence\":-1,\"readings\":[]}"
                        .getBytes(StandardCharsets.UTF_8), deviceKey).canonicalBytes();
        journal.append(3, bad, new byte[0]);
        journalBatches(3, signer);
        Forwarder forwarder = batchingForwarder(10);
        assertTrue(forwarder.drain(Duration.ofSeconds(10)));
        assertEquals(1, forwarder.rejected());
        assertEquals(5, forwarder.accepted());
        assertEquals(List.of(0L, 1L, 3L, 4L, 5L), ledgerSequences(), "all or nothing: the refused request stored none");
        assertEquals(1, ledger.batchPosts(), "records 1..6 went singly after the refusal");
        assertEquals(422, tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(journal.receiptsFrom(3).getFirst()).get("rejected").asInt());
    }
}
