package org.cbamledger.service.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.cbamledger.service.claims.DeploymentClaims;
import org.cbamledger.service.db.Database;
import org.cbamledger.service.db.DatabaseSettings;
import org.cbamledger.service.lease.LeaseStore;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.LogKeyStore;
import org.cbamledger.service.store.RotatedKey;
import org.cbamledger.service.support.SharedPostgres;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.Test;

/**
 * Rotations while other writers keep the log growing: whatever overtakes a rotation entry, the key it hands over
 * to is stored only with a fromSize above the entry's own index (else the verifier would refuse the rotation).
 */
class RotationUnderLoadTest {
    private static final String LOG_ID = "rotating-load";
    private static final int ROTATIONS = 6;

    @Test
    void rotationsAmidSubmissions_eachStoredKeyStartsAboveItsRotationEntry() throws Exception {
        try (Database database = Database.open(new DatabaseSettings(SharedPostgres.newDatabase(), "postgres", "", null, 8));
                Ledger ledger = new Ledger(database.dataSource(), new LedgerSettings(10_000, 4, Duration.ofMillis(20),
                        Duration.ofHours(1)), Clock.systemUTC(), new LeaseStore(database.dataSource(),
                                Duration.ofSeconds(5)), DeploymentClaims.SEQUENCING)) {
            ledger.start();
            CreatedLog created = ledger.createLog(LOG_ID, "Load Test", "RS", null);
            SigningKey root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519, created.generatedRootKeyPkcs8());
            AtomicBoolean rotating = new AtomicBoolean(true);
            AtomicInteger queued = new AtomicInteger();
            Thread writer = Thread.ofPlatform().start(() -> submitWhile(ledger, root, rotating, queued));
            List<LogKeyRotated> rotated = new ArrayList<>();
            int overtaken = 0;
            try {
                for (int i = 0; i < ROTATIONS; i++) {
                    int before = queued.get();
                    while (queued.get() < before + 40) {
                        Thread.sleep(1);
                    }
                    try {
                        rotated.add(ledger.rotateLogKey(LOG_ID));
                    } catch (LedgerException e) {
                        assertEquals(Problem.ROTATION_OVERTAKEN, e.problem(), e.getMessage());
                        overtaken++;
                    }
                }
            } finally {
                rotating.set(false);
                writer.join();
            }

            List<long[]> entries = rotationEntries(database.dataSource());
            assertEquals(ROTATIONS, rotated.size() + overtaken);
            assertTrue(entries.size() >= rotated.size(), "every answered rotation has its entry");
            try (Connection c = database.dataSource().getConnection()) {
                List<RotatedKey> stored = LogKeyStore.keys(c, ledger.log(LOG_ID)).rotations();
                assertEquals(rotated.size(), stored.size());
                for (int i = 0; i < stored.size(); i++) {
                    assertEquals(rotated.get(i).newLogVerifierKey(), stored.get(i).verifierKey());
                    long fromSize = stored.get(i).fromSize();
                    assertTrue(entries.stream().anyMatch(e -> e[1] == fromSize && e[0] < fromSize),
                            "a rotation entry below fromSize " + fromSize + " among " + entries.size());
                }
            }
        }
    }

    private static void submitWhile(Ledger ledger, SigningKey root, AtomicBoolean running, AtomicInteger queued) {
        int n = 0;
        try {
            while (running.get()) {
                List<CompletableFuture<List<Receipt>>> pending = new ArrayList<>();
                for (int i = 0; i < 20; i++, n++) {
                    byte[] party = LedgerRecords.json(LedgerRecords.operatorParty("party-" + n, "Party " + n, "RS"));
                    pending.add(ledger.submit(LOG_ID, List.of(Envelope.sign(Kinds.PARTY, party, root).canonicalBytes())));
                    queued.incrementAndGet();
                }
                for (CompletableFuture<List<Receipt>> f : pending) {
                    f.get(30, TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** (index, fromSize) of each log-key-rotation entry in the log. */
    private static List<long[]> rotationEntries(DataSource ds) throws Exception {
        List<long[]> found = new ArrayList<>();
        try (Connection c = ds.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select entry_index, envelope from entries where log_id = ? and kind = ? order by entry_index")) {
            s.setString(1, LOG_ID);
            s.setString(2, Kinds.LOG_KEY_ROTATION);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long fromSize = Envelope.parse(r.getBytes(2)).record().get("fromSize").asLong();
                    found.add(new long[] {r.getLong(1), fromSize});
                }
            }
        }
        return found;
    }
}
