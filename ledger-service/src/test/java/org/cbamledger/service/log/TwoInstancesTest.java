package org.cbamledger.service.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.cbamledger.service.claims.DeploymentClaims;
import org.cbamledger.service.db.Database;
import org.cbamledger.service.db.DatabaseSettings;
import org.cbamledger.service.lease.Lease;
import org.cbamledger.service.lease.LeaseStore;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.LogStore;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.support.SharedPostgres;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;

/**
 * Two service instances (two {@link Ledger}s) on one database ingest into one log; the lease holder stops half
 * way, and a frozen copy of its write path wakes up with the old lease and races the new holder.
 */
class TwoInstancesTest {
    private static final String LOG_ID = "race";
    private static final Duration TTL = Duration.ofMillis(1000);
    private static final int ENTRIES = 240;

    @Test
    void holderStops_otherTakesOver_staleSignerStoresNothing_andNoSizeHasTwoCheckpoints() throws Exception {
        try (Database database = Database.open(new DatabaseSettings(SharedPostgres.newDatabase(), "postgres", "", null, 16))) {
            DataSource ds = database.dataSource();
            LedgerSettings settings = new LedgerSettings(10_000, 50, Duration.ofMillis(20), Duration.ofHours(1));
            Ledger a = new Ledger(ds, settings, Clock.systemUTC(), new LeaseStore(ds, TTL), DeploymentClaims.SEQUENCING);
            a.start();
            CreatedLog created = a.createLog(LOG_ID, "Race Test", "RS", null);
            Ledger b = new Ledger(ds, settings, Clock.systemUTC(), new LeaseStore(ds, TTL), DeploymentClaims.SEQUENCING);
            b.start();
            SigningKey root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519, created.generatedRootKeyPkcs8());
            // what the holder remembers: a frozen copy of its write path would wake up with this lease
            Lease stale = leaseRow(ds);
            LogInfo log = a.log(LOG_ID);

            Map<Long, byte[]> acked = new ConcurrentHashMap<>();
            AtomicInteger submitted = new AtomicInteger();
            AtomicBoolean aStopped = new AtomicBoolean();
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger staleRefused = new AtomicInteger();
            AtomicInteger staleStored = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    writers.add(pool.submit(() -> ingest(a, b, root, aStopped, submitted, acked)));
                }
                while (submitted.get() < ENTRIES / 2) {
                    Thread.sleep(10);
                }
                aStopped.set(true);
                a.close();
                Future<?> staleSigner = pool.submit(() -> {
                    Integrator integrator = new Integrator(LOG_ID, ds);
                    Checkpointer checkpointer = new Checkpointer(log, ds, new CheckpointStore(ds), Clock.systemUTC(), Duration.ofHours(1));
                    while (!done.get()) {
                        try {
                            integrator.integrate(stale);
                            checkpointer.checkpoint(stale);
                            staleStored.incrementAndGet();
                        } catch (SQLException e) {
                            staleRefused.incrementAndGet();
                        }
                    }
                    return null;
                });
                for (Future<?> writer : writers) {
                    writer.get(120, TimeUnit.SECONDS);
                }
                long size;
                try (Connection c = ds.getConnection()) {
                    size = LogStore.sequencedSize(c, LOG_ID, false);
                }
                assertTrue(b.awaitCheckpoint(LOG_ID, size, Duration.ofSeconds(30)).isPresent(),
                        "the other instance took the log over and checkpointed everything");
                done.set(true);
                staleSigner.get(30, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
                b.close();
            }

            assertEquals(0, staleStored.get(), "the stale holder wrote nothing after the takeover");
            assertTrue(staleRefused.get() > 0);
            Lease now = leaseRow(ds);
            assertNotEquals(stale.holder(), now.holder());
            assertTrue(now.fencingToken() > stale.fencingToken());

            List<byte[]> leaves = leafHashes(ds);
            assertEquals(ENTRIES + 2, leaves.size(), "two bootstrap entries and every submission, once each");
            acked.forEach((index, leafHash) -> assertArrayEquals(leafHash, leaves.get(index.intValue()),
                    "acknowledged entry at index " + index));
            int checkpoints = 0;
            for (StoredCheckpoint checkpoint : checkpoints(ds)) {
                assertArrayEquals(treeHash(leaves.subList(0, (int) checkpoint.treeSize())), checkpoint.rootHash(),
                        "checkpoint of size " + checkpoint.treeSize() + " commits to the one sequence of entries");
                checkpoints++;
            }
            assertTrue(checkpoints > 1);

            StoredCheckpoint first = checkpoints(ds).getFirst();
            try (Connection c = ds.getConnection()) {
                SQLException duplicate = assertThrows(SQLException.class, () -> CheckpointStore.insert(c,
                        new StoredCheckpoint(first.treeSize(), new byte[32], "another note\n"), LOG_ID));
                assertEquals("23505", duplicate.getSQLState(), "the database refuses a second checkpoint of one size");
            }
        }
    }

    /** Submits key registrations through both instances until ENTRIES were acknowledged; A only until it stops. */
    private static Void ingest(Ledger a, Ledger b, SigningKey root, AtomicBoolean aStopped, AtomicInteger submitted,
            Map<Long, byte[]> acked) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        while (true) {
            int n = submitted.getAndIncrement();
            if (n >= ENTRIES) {
                return null;
            }
            SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
            byte[] envelope = TestLog.sign("key-registration", LedgerRecords.json(LedgerRecords.keyRegistration(
                    key.publicKey(), LOG_ID, "device", List.of("meter-reading-batch"), now.minusSeconds(60), null)), root);
            Receipt receipt = null;
            while (receipt == null) {
                Ledger via = n % 2 == 0 && !aStopped.get() ? a : b;
                try {
                    receipt = via.submit(LOG_ID, List.of(envelope)).get(30, TimeUnit.SECONDS).getFirst();
                } catch (Exception e) {
                    if (via == b) {
                        throw e;
                    }
                    // A stopped under this submission: nothing was acknowledged, submit again through B
                }
            }
            acked.put(receipt.index(), receipt.leafHash());
        }
    }

    private static byte[] treeHash(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.getFirst();
        }
        int split = Integer.highestOneBit(leaves.size() - 1);
        return Merkle.nodeHash(treeHash(leaves.subList(0, split)), treeHash(leaves.subList(split, leaves.size())));
    }

    private static Lease leaseRow(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "select holder, fencing_token from log_leases where log_id = ?")) {
            s.setString(1, LOG_ID);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return new Lease(LOG_ID, r.getString(1), r.getLong(2));
            }
        }
    }

    private static List<byte[]> leafHashes(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "select leaf_hash from entries where log_id = ? order by entry_index")) {
            s.setString(1, LOG_ID);
            List<byte[]> result = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(r.getBytes(1));
                }
            }
            return result;
        }
    }

    private static List<StoredCheckpoint> checkpoints(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(
                "select tree_size, root_hash, signed_note from checkpoints where log_id = ? order by tree_size")) {
            s.setString(1, LOG_ID);
            List<StoredCheckpoint> result = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(new StoredCheckpoint(r.getLong(1), r.getBytes(2), r.getString(3)));
                }
            }
            return result;
        }
    }
}
