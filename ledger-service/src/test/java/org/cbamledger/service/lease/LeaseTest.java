package org.cbamledger.service.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cbamledger.service.db.Database;
import org.cbamledger.service.db.DatabaseSettings;
import org.cbamledger.service.support.SharedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two lease contenders in one JVM, on the embedded PostgreSQL: takeover after expiry, fencing, fair shares. */
class LeaseTest {
    private static final Duration TTL = Duration.ofMillis(800);

    private Database database;
    private DataSource dataSource;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(new DatabaseSettings(SharedPostgres.newDatabase(), "postgres", "", null, 8));
        dataSource = database.dataSource();
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void takeover_waitsForExpiry_incrementsTheToken_andFencingRefusesTheStaleHolder() throws Exception {
        addLogs("alpha");
        LeaseStore store = new LeaseStore(dataSource, TTL);
        Lease first = store.acquire("alpha", "instance-a").orElseThrow();
        assertEquals(Optional.empty(), store.acquire("alpha", "instance-b"), "a live lease is not taken over");

        Thread.sleep(TTL.toMillis() + 200);
        Lease second = store.acquire("alpha", "instance-b").orElseThrow();
        assertEquals(first.fencingToken() + 1, second.fencingToken());

        assertThrows(LeaseLostException.class, () -> inTransaction(first::check));
        assertFalse(store.renew(first), "the stale holder cannot renew");
        inTransaction(second::check);
        assertTrue(store.renew(second));
        assertEquals(Optional.empty(), store.acquire("alpha", "instance-a"), "nor take the lease back while it is live");
    }

    @Test
    void ownExpiredLease_isRetakenWithTheSameToken_butAReleasedOneIsFencedAndGoesToAnotherAtOnce() throws Exception {
        addLogs("alpha");
        LeaseStore store = new LeaseStore(dataSource, TTL);
        Lease first = store.acquire("alpha", "instance-a").orElseThrow();
        Thread.sleep(TTL.toMillis() + 200);
        assertEquals(first, store.acquire("alpha", "instance-a").orElseThrow(), "nobody took it: same tenure");

        store.release(first);
        assertThrows(LeaseLostException.class, () -> inTransaction(first::check));
        Lease next = store.acquire("alpha", "instance-b").orElseThrow();
        assertTrue(next.fencingToken() > first.fencingToken());
    }

    @Test
    void staleHoldersOpenTransaction_holdsTheTakeoverBackUntilItEnds() throws Exception {
        addLogs("alpha");
        LeaseStore store = new LeaseStore(dataSource, TTL);
        Lease stale = store.acquire("alpha", "instance-a").orElseThrow();
        Thread.sleep(TTL.toMillis() + 200);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            stale.check(c);
            CompletableFuture<Optional<Lease>> takeover = CompletableFuture.supplyAsync(() -> {
                try {
                    return store.acquire("alpha", "instance-b");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(takeover.isDone(), "the takeover waits for the transaction that checked the old token");
            c.commit();
            assertEquals(stale.fencingToken() + 1, takeover.get(10, TimeUnit.SECONDS).orElseThrow().fencingToken());
        }
    }

    @Test
    void twoKeepers_shareTheLogs_andTheSurvivorTakesTheDeadOnesLogsOver() throws Exception {
        addLogs("log-1", "log-2", "log-3", "log-4");
        List<String> acquiredByA = new ArrayList<>();
        List<String> acquiredByB = new ArrayList<>();
        LeaseKeeper a = new LeaseKeeper(new LeaseStore(dataSource, TTL), acquiredByA::add);
        LeaseKeeper b = new LeaseKeeper(new LeaseStore(dataSource, TTL), acquiredByB::add);
        a.round();
        assertEquals(4, acquiredByA.size(), "alone, an instance takes every log");
        b.round();
        a.round(); // A sees two live instances: gives back one log per round down to its share of two
        a.round();
        for (int i = 0; i < 3; i++) {
            b.round();
        }
        assertEquals(2, held(a).size());
        assertEquals(2, held(b).size());
        Set<String> all = new HashSet<>(held(a));
        all.addAll(held(b));
        assertEquals(4, all.size(), "no log is held twice");

        List<String> deadOnes = held(a);
        Thread.sleep(TTL.toMillis() + 200); // A stops renewing: it died
        b.round();
        assertEquals(4, held(b).size(), "the survivor takes the dead instance's logs over");
        for (String logId : deadOnes) {
            assertTrue(acquiredByB.contains(logId));
            assertThrows(LeaseLostException.class, () -> inTransaction(c -> new Lease(logId, a.instanceId(),
                    tokenHeldBy(b, logId) - 1).check(c)));
        }
    }

    private static List<String> held(LeaseKeeper keeper) {
        return List.of("log-1", "log-2", "log-3", "log-4").stream()
                .filter(id -> keeper.lease(id).isPresent()).toList();
    }

    private static long tokenHeldBy(LeaseKeeper keeper, String logId) {
        return keeper.lease(logId).orElseThrow().fencingToken();
    }

    private interface InTransaction {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(InTransaction work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void addLogs(String... logIds) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into logs (log_id, origin, operator_name, note_key_pkcs8) values (?, ?, 'Lease Test', '\\x00')")) {
            for (String logId : logIds) {
                s.setString(1, logId);
                s.setString(2, "lease.test/" + logId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
