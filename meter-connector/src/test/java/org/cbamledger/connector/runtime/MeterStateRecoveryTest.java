package org.cbamledger.connector.runtime;

import org.cbamledger.connector.WireReadings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.batch.BatchSigner;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.connector.reading.MeterSample;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.RegisterValue;
import org.cbamledger.connector.time.IntervalGrid;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash between the journal append and the state file write neither repeats nor skips an interval. */
class MeterStateRecoveryTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration Q = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private final BatchSigner signer = new BatchSigner(SigningKey.generate(KeyAlgorithm.ED25519));

    private static MeterSample sample(Instant t, String kwh) {
        return MeterSample.ok("m1", t, t, Map.of(Channel.ACTIVE_ENERGY_IMPORT_KWH,
                new RegisterValue(new BigDecimal(kwh), new int[] {0, 1}, new BigDecimal("0.001"))));
    }

    private BatchPublisher publisher(Journal journal) throws Exception {
        Map<String, BigDecimal> rollovers = new HashMap<>();
        rollovers.put("m1", null);
        return new BatchPublisher("gw-1", new IntervalGrid(Q), journal, signer, rollovers, () -> { });
    }

    @Test
    void stateFileOlderThanTheJournal_isCaughtUpFromTheJournalOnRestart() throws Exception {
        Path stateFile = dir.resolve(MeterStateStore.FILE);
        byte[] staleState;
        try (Journal journal = Journal.open(dir, 1 << 20, 64 * 1024)) {
            BatchPublisher publisher = publisher(journal);
            publisher.accept(sample(T0, "100"));
            publisher.accept(sample(T0.plus(Q), "110"));
            staleState = Files.readAllBytes(stateFile);
            publisher.accept(sample(T0.plus(Q.multipliedBy(2)), "125"));
        }
        Files.write(stateFile, staleState); // the crash: batch journalled, state file not yet rewritten
        try (Journal journal = Journal.open(dir, 1 << 20, 64 * 1024)) {
            BatchPublisher publisher = publisher(journal);
            publisher.accept(sample(T0.plus(Q.multipliedBy(2)), "125")); // polled again after the restart
            publisher.accept(sample(T0.plus(Q.multipliedBy(3)), "131"));
            List<String> intervals = new java.util.ArrayList<>();
            for (long s = 1; s <= journal.lastSequence(); s++) {
                var reading = WireReadings.of(Envelope.parse(journal.read(s).orElseThrow().envelope()).record()).getFirst();
                intervals.add(reading.get("intervalStart").asString() + " " + reading.get("energyKwh").asString()
                        + " " + reading.get("quality").asString());
            }
            assertEquals(List.of("2026-01-05T00:00:00Z 10 GOOD", "2026-01-05T00:15:00Z 15 GOOD",
                    "2026-01-05T00:30:00Z 6 GOOD"), intervals);
        }
    }

    @Test
    void missingStateFile_isRebuiltFromTheJournal() throws Exception {
        try (Journal journal = Journal.open(dir, 1 << 20, 64 * 1024)) {
            BatchPublisher publisher = publisher(journal);
            publisher.accept(sample(T0, "100"));
            publisher.accept(sample(T0.plus(Q), "110"));
        }
        Files.delete(dir.resolve(MeterStateStore.FILE));
        try (Journal journal = Journal.open(dir, 1 << 20, 64 * 1024)) {
            BatchPublisher publisher = publisher(journal);
            assertEquals(T0.plus(Q), publisher.state("m1").emittedUntil());
            assertEquals(0, new BigDecimal("110").compareTo(publisher.state("m1").boundaryCounter().value()));
        }
    }
}
