package org.cbamledger.service.room.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.cbamledger.service.index.EntryIndexStore;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.store.StoredEntries;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.service.support.Migrations;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The room index (PostgreSQL, filled by the entry index's catch-up) against the walk it replaced ({@link ScopeWalk}):
 * on the demo scenarios' logs and on the rule test's log, every room gives the same entries with the same reasons,
 * the same statements and the same documents; entries appended later (a correction, another installation's, another
 * period's, another CN code's) are followed or kept out the same way.
 */
class RoomIndexAgainstWalkTest {

    /** A log stored in a migrated database, its room index filled as the service fills it. */
    private static final class IndexedLog {
        final PGSimpleDataSource db;
        final String logId;
        final RoomIndexStore rooms;
        final EntryIndexStore index;
        long size;

        IndexedLog(String logId) throws SQLException {
            this(migrated(Migrations.freshDatabase()), logId);
        }

        private static PGSimpleDataSource migrated(PGSimpleDataSource db) {
            Migrations.migrate(db, "latest");
            return db;
        }

        /** Another log in a database already migrated. */
        IndexedLog(PGSimpleDataSource db, String logId) throws SQLException {
            this.db = db;
            this.logId = logId;
            this.rooms = new RoomIndexStore(db);
            this.index = new EntryIndexStore(db, new EntryStore(db), List.of(rooms));
            insertLog(db, logId);
        }

        /** Stores the entries not stored yet and brings the index up to them. */
        void sync(List<StoredEntry> entries) throws SQLException {
            StoredEntries.insert(db, logId, entries.subList((int) size, entries.size()));
            size = entries.size();
            index.catchUp(logId, size);
        }

        RoomSelection select(RoomDefinition room, List<StoredStatement> statements) throws SQLException {
            return RoomScope.select(room, rooms.source(logId, size), statements);
        }
    }

    /** The Serbian demo log indexed, and a room of its installation's first quarter. */
    private record FirstQuarter(RoomScopeWorkedExampleTest.ScenarioLog s, IndexedLog indexed, RoomDefinition q1,
            RoomSelection before) {
        static FirstQuarter ofSerbianLog() throws Exception {
            RoomScopeWorkedExampleTest.ScenarioLog s = RoomScopeWorkedExampleTest.build("serbian-extruder-ppa-2026", true);
            IndexedLog indexed = new IndexedLog("log-1");
            indexed.sync(s.log().entries);
            RoomDefinition q1 = room(s.room().installationId(), "2026-01-01", "2026-03-31", s.scenario().cnCode());
            return new FirstQuarter(s, indexed, q1, indexed.select(q1, List.of()));
        }
    }

    @Test
    void demoScenarios_everyRoomTheSameByIndexAsByWalk() throws Exception {
        for (String scenario : List.of("turkish-extruder-2026", "serbian-extruder-ppa-2026")) {
            RoomScopeWorkedExampleTest.ScenarioLog s = RoomScopeWorkedExampleTest.build(scenario,
                    scenario.startsWith("serbian"));
            IndexedLog indexed = new IndexedLog("log-1");
            indexed.sync(s.log().entries);
            String installation = s.room().installationId();
            List<RoomDefinition> rooms = List.of(s.room(),
                    room(installation, "2026-01-01", "2026-03-31", s.scenario().cnCode()),
                    room(installation, "2026-02-10", "2026-02-20", s.scenario().cnCode()),
                    room(installation, s.scenario().period().from().toString(), s.scenario().period().to().toString(),
                            "76042100"),
                    room("OTHER-INSTALLATION", "2026-01-01", "2026-12-31", s.scenario().cnCode()));
            for (RoomDefinition room : rooms) {
                for (List<StoredStatement> statements : List.of(List.of(s.statement()), List.<StoredStatement>of())) {
                    RoomSelection walked = ScopeWalk.select(room, s.log(), statements);
                    assertSame(scenario + " " + room, walked, indexed.select(room, statements));
                }
            }
            RoomSelection full = indexed.select(s.room(), List.of(s.statement()));
            assertTrue(full.indexes().containsAll(RoomScopeWorkedExampleTest.used(s.result())), scenario);
            assertTrue(full.indexes().size() > 10, scenario + ": " + full.indexes().size());
        }
    }

    @Test
    void ruleTestLog_everyRoomTheSameByIndexAsByWalk() throws Exception {
        RoomScopeTest.buildLog();
        IndexedLog indexed = new IndexedLog("log-1");
        indexed.sync(RoomScopeTest.log.entries);
        for (RoomDefinition room : List.of(RoomScopeTest.ROOM,
                room(RoomScopeTest.A, RoomScopeTest.H2_FROM, RoomScopeTest.H2_TO, RoomScopeTest.CN1),
                room(RoomScopeTest.B, RoomScopeTest.H1_FROM, RoomScopeTest.H1_TO, RoomScopeTest.CN1),
                room(RoomScopeTest.A, "2026-06-30", "2026-06-30", RoomScopeTest.CN1),
                room(RoomScopeTest.A, "2026-01-01", "2026-12-31", RoomScopeTest.CN2))) {
            RoomSelection walked = ScopeWalk.select(room, RoomScopeTest.log, RoomScopeTest.statements);
            assertSame(room.toString(), walked, indexed.select(room, RoomScopeTest.statements));
        }
    }

    @Test
    void laterEntries_correctionFollowed_otherInstallationPeriodAndCnCodeKeptOut() throws Exception {
        FirstQuarter quarter = FirstQuarter.ofSerbianLog();
        RoomScopeWorkedExampleTest.ScenarioLog s = quarter.s();
        RoomScopeTest.Log log = s.log();
        IndexedLog indexed = quarter.indexed();
        RoomDefinition q1 = quarter.q1();
        RoomSelection before = quarter.before();
        long inRoomReading = before.indexes().stream()
                .filter(i -> log.entries.get(i.intValue()).kind().equals("meter-reading-batch")).findFirst().orElseThrow();
        long outsideReading = log.entries.stream().filter(e -> e.kind().equals("meter-reading-batch")
                && !before.contains(e.index())).findFirst().orElseThrow().index();
        String meterId = RoomScopeTest.readings("x", 0, "2026-01-01T00:00:00Z", 15).get("meterId").asString();
        String roomMeter = ScopeEntry.of("log-1", log.entries.get((int) inRoomReading)).text("/meterId");
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        String inst = s.room().installationId();

        // a correction of a reading in the room, appended after the room was first computed: followed
        log.append("late correction", RoomScopeTest.correction(hex(log.entries.get((int) inRoomReading).leafHash()),
                RoomScopeTest.readings(roomMeter, 90_001, "2026-07-01T00:00:00Z", 15)), key);
        // a correction whose replacement moves an outside reading into the period: taken for its replacement
        log.append("moving correction", RoomScopeTest.correction(hex(log.entries.get((int) outsideReading).leafHash()),
                RoomScopeTest.readings(roomMeter, 90_002, "2026-02-01T00:00:00Z", 15)), key);
        // columnar batches of the room's meter: one inside the period, one a day after it, one whose first quarter hour straddles its end
        log.append("v2 in", columnar(roomMeter, 90_003, "2026-03-31T00:00:00Z", 96), key);
        log.append("v2 after", columnar(roomMeter, 90_004, "2026-04-01T00:00:00Z", 96), key);
        log.append("v2 straddling", columnar(roomMeter, 90_005, "2026-03-31T23:50:00Z", 2), key);
        // another installation's, another period's and another CN code's records stay out
        log.append("other installation", RoomScopeTest.batch("OTHER", "B-X", s.scenario().cnCode(), "2026-01-01",
                "2026-03-31", null), key);
        log.append("other period", RoomScopeTest.batch(inst, "B-Y", s.scenario().cnCode(), "2027-01-01", "2027-03-31",
                null), key);
        log.append("other cn code", RoomScopeTest.batch(inst, "B-Z", "7604 21 00", "2026-01-01", "2026-03-31", null),
                key);
        log.append("other meter", RoomScopeTest.readings(meterId, 90_006, "2026-02-01T00:00:00Z", 15), key);
        indexed.sync(log.entries);

        RoomSelection walked = ScopeWalk.select(q1, log, List.of());
        RoomSelection after = indexed.select(q1, List.of());
        assertSame("after the later entries", walked, after);
        assertTrue(after.contains(log.index("late correction")), "correction of a room entry");
        assertEquals("correction of leaf " + inRoomReading, after.reasons().get(log.index("late correction")));
        assertTrue(after.contains(log.index("moving correction")));
        assertTrue(after.contains(outsideReading), "superseded by a correction of the room");
        assertTrue(after.contains(log.index("v2 in")));
        for (String out : List.of("v2 after", "v2 straddling", "other installation", "other period", "other cn code",
                "other meter")) {
            assertFalse(after.contains(log.index(out)), out + ": " + after.reasons().get(log.index(out)));
        }
    }

    /**
     * Two logs in one database, the second the first's entries without the reading batches of its first half
     * (what follows shifted down): the readings a room takes in bulk are its own log's, never the other's of the same
     * meter, whose indexes hold other entries here.
     */
    @Test
    void twoLogsInOneDatabase_aRoomTakesOnlyItsOwnLogsReadings() throws Exception {
        RoomScopeWorkedExampleTest.ScenarioLog s = RoomScopeWorkedExampleTest.build("serbian-extruder-ppa-2026", true);
        List<StoredEntry> all = s.log().entries;
        List<StoredEntry> fewer = new java.util.ArrayList<>();
        for (StoredEntry e : all) {
            if (!(e.kind().equals(Kinds.METER_READING_BATCH) && e.index() < all.size() / 2)) {
                fewer.add(new StoredEntry(fewer.size(), e.leafHash(), e.kind(), e.envelope()));
            }
        }
        IndexedLog first = new IndexedLog("log-1");
        IndexedLog second = new IndexedLog(first.db, "log-2");
        first.sync(all);
        second.sync(fewer);
        RoomDefinition year = room(s.room().installationId(), "2026-01-01", "2026-12-31", s.scenario().cnCode());
        RoomSelection onFirst = first.select(year, List.of());
        RoomSelection onSecond = second.select(withLog(year, "log-2"), List.of());
        assertSame("log-1", ScopeWalk.select(year, all::forEach, List.of()), onFirst);
        assertSame("log-2", ScopeWalk.select(withLog(year, "log-2"), fewer::forEach, List.of()), onSecond);
        assertTrue(onSecond.ofKind(Kinds.METER_READING_BATCH).size() < onFirst.ofKind(Kinds.METER_READING_BATCH).size(),
                onSecond.ofKind(Kinds.METER_READING_BATCH).size() + " readings on log-2");
        assertFalse(onSecond.ofKind(Kinds.METER_READING_BATCH).isEmpty());
    }

    /**
     * A document supporting a reading by leaf hash and one naming it by reference, with the reading taken in bulk:
     * both follow it into the room as they did when each reading was judged by itself; a document naming a reading
     * outside the period stays out.
     */
    @Test
    void documentsOfReadingsTakenInBulk_followThemIn() throws Exception {
        FirstQuarter quarter = FirstQuarter.ofSerbianLog();
        RoomScopeTest.Log log = quarter.s().log();
        RoomSelection before = quarter.before();
        StoredEntry in = log.entries.get(before.ofKind(Kinds.METER_READING_BATCH).getFirst().intValue());
        StoredEntry out = log.entries.stream().filter(e -> e.kind().equals(Kinds.METER_READING_BATCH)
                && !before.contains(e.index())).findFirst().orElseThrow();
        ScopeEntry inFacts = ScopeEntry.of("log-1", in);
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        log.append("doc by leaf", RoomScopeTest.anchor("reading-export", "operator",
                RoomScopeTest.obj("leafHash", hex(in.leafHash()))), key);
        log.append("doc by ref", RoomScopeTest.anchor("reading-photo", "operator", RoomScopeTest.obj("recordRef",
                "meter-reading-batch/" + inFacts.text("/deviceId") + "/" + inFacts.record().path("sequence"))), key);
        log.append("doc outside", RoomScopeTest.anchor("other-export", "operator",
                RoomScopeTest.obj("leafHash", hex(out.leafHash()))), key);
        quarter.indexed().sync(log.entries);

        RoomSelection after = quarter.indexed().select(quarter.q1(), List.of());
        assertSame("documents of readings", ScopeWalk.select(quarter.q1(), log, List.of()), after);
        assertTrue(after.contains(log.index("doc by leaf")));
        assertTrue(after.contains(log.index("doc by ref")), after.reasons().get(log.index("doc by ref")));
        assertFalse(after.contains(log.index("doc outside")));
    }

    @Test
    void upgrade_logIndexedBeforeTheRoomIndex_isFilledByTheCatchUp() throws Exception {
        RoomScopeWorkedExampleTest.ScenarioLog s = RoomScopeWorkedExampleTest.build("turkish-extruder-2026", false);
        PGSimpleDataSource db = Migrations.freshDatabase();
        Migrations.migrate(db, "50");
        insertLog(db, "log-1");
        StoredEntries.insert(db, "log-1", s.log().entries);
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into entry_index_state (log_id, indexed_size) values ('log-1', " + s.log().entries.size()
                    + ")");
        }
        Migrations.migrate(db, "latest");
        RoomIndexStore rooms = new RoomIndexStore(db);
        new EntryIndexStore(db, new EntryStore(db), List.of(rooms)).catchUp("log-1", s.log().entries.size());
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            assertEquals(List.of(Integer.toString(s.log().entries.size())),
                    Migrations.strings(st, "select count(*) from room_index_entries where log_id = 'log-1'"));
        }
        assertSame("upgraded", ScopeWalk.select(s.room(), s.log(), List.of(s.statement())),
                RoomScope.select(s.room(), rooms.source("log-1", s.log().entries.size()), List.of(s.statement())));
    }

    private static void assertSame(String what, RoomSelection walked, RoomSelection indexed) {
        assertEquals(walked.reasons(), indexed.reasons(), what + ": entries and reasons");
        assertEquals(walked.kinds(), indexed.kinds(), what + ": kinds");
        assertEquals(walked.statements().stream().map(StoredStatement::statementId).toList(),
                indexed.statements().stream().map(StoredStatement::statementId).toList(), what + ": statements");
        assertEquals(List.copyOf(walked.documentSha256s()), List.copyOf(indexed.documentSha256s()),
                what + ": documents");
    }

    private static ObjectNode columnar(String meterId, long sequence, String start, int readings) {
        ObjectNode batch = RoomScopeTest.obj("kind", "meter-reading-batch", "meterId", meterId, "deviceId",
                "GW-" + meterId, "start", start);
        batch.put("version", 2).put("sequence", sequence).put("intervalSeconds", 900);
        ArrayNode quality = batch.putArray("quality");
        for (int i = 0; i < readings; i++) {
            quality.add("GOOD");
        }
        return batch;
    }

    private static RoomDefinition room(String installationId, String from, String to, String cnCode) {
        return new RoomDefinition("room-1", "log-1", "room", installationId, LocalDate.parse(from), LocalDate.parse(to),
                new TreeSet<>(List.of(cnCode)), "operator", Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static RoomDefinition withLog(RoomDefinition room, String logId) {
        return new RoomDefinition(room.roomId(), logId, room.name(), room.installationId(), room.periodFrom(),
                room.periodTo(), room.cnCodes(), room.createdBy(), room.createdAt());
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static void insertLog(DataSource db, String logId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into logs (log_id,"
                + " origin, operator_name, note_key_pkcs8) values (?, ?, 'operator', '\\x00')")) {
            s.setString(1, logId);
            s.setString(2, "example.org/" + logId);
            s.executeUpdate();
        }
    }
}
