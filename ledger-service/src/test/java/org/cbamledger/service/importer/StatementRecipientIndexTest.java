package org.cbamledger.service.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cbamledger.service.support.Migrations.migrate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cbamledger.service.support.Migrations;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V5 (statements.recipient): the backfill of statements stored under V4, and the importer listing query reading
 * one index range per party instead of the statements table.
 */
class StatementRecipientIndexTest {
    private static final int ROWS = 20_000;
    private static final int PARTIES = 100;
    private static final Set<String> LISTED = Set.of("importer-7", "importer-42");
    private static final int PAGE = 25;

    @Test
    void migration_backfillsRecipientOfStatementsStoredUnderV4() throws SQLException {
        PGSimpleDataSource db = database();
        migrate(db, "4");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            insertLogs(s);
            s.execute("insert into statements (log_id, statement_id, key_id, tree_size, jws, statement, pdf)"
                    + " values ('log-a', 'st-1', 'k', 5, 'jws', convert_to(" + payload("'st-1'", "'importer-a'")
                    + ", 'UTF8'), '\\x'), ('log-b', 'st-1', 'k', 5, 'jws', convert_to("
                    + payload("'st-1'", "'importer-b'") + ", 'UTF8'), '\\x')");
        }
        migrate(db, "latest");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertEquals(List.of("log-a importer-a", "log-b importer-b"),
                    Migrations.strings(s, "select log_id || ' ' || recipient from statements order by log_id"));
            assertEquals(List.of("NO"), Migrations.strings(s, "select is_nullable from information_schema.columns"
                    + " where table_name = 'statements' and column_name = 'recipient'"));
        }
    }

    @Test
    void migration_leavesRecipientNullableWhenAStoredStatementLacksOne() throws SQLException {
        PGSimpleDataSource db = database();
        migrate(db, "4");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            insertLogs(s);
            s.execute("insert into statements (log_id, statement_id, key_id, tree_size, jws, statement, pdf)"
                    + " values ('log-a', 'st-1', 'k', 5, 'jws', convert_to('{\"issued\":{\"statementId\":\"st-1\"}}',"
                    + " 'UTF8'), '\\x')");
        }
        migrate(db, "latest");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertEquals(List.of("YES"), Migrations.strings(s, "select is_nullable from information_schema.columns"
                    + " where table_name = 'statements' and column_name = 'recipient'"));
            assertEquals(List.of("st-1 null"),
                    Migrations.strings(s, "select statement_id || ' ' || coalesce(recipient, 'null') from statements"));
        }
    }

    @Test
    void listing_readsOnlyTheRecipientIndexAndAnswersThePagesTheJsonWouldGive() throws SQLException {
        PGSimpleDataSource db = database();
        migrate(db, "latest");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            insertLogs(s);
            // Three statements share each stored_at, across both logs, so the tie-break columns decide the order.
            s.execute("insert into statements (log_id, statement_id, key_id, tree_size, jws, statement, pdf,"
                    + " recipient, stored_at) select case when i % 2 = 0 then 'log-a' else 'log-b' end,"
                    + " 'st-' || i, 'k', 5, 'jws', convert_to(" + payload("'st-' || i", "'importer-' || (i % "
                    + PARTIES + ")") + ", 'UTF8'), '\\x', 'importer-' || (i % " + PARTIES + "),"
                    + " timestamptz '2026-01-01 00:00:00+00' + (i / 3) * interval '1 second'"
                    + " from generate_series(1, " + ROWS + ") as i");
            s.execute("analyze statements");
        }
        ImporterStatements importer = new ImporterStatements(db);
        List<ImporterStatement> first = importer.list(LISTED, PAGE, null);
        StatementCursor cursor = first.getLast().cursor();
        List<ImporterStatement> second = importer.list(LISTED, PAGE, cursor);
        assertEquals(byJson(db, null), ids(first));
        assertEquals(byJson(db, cursor), ids(second));

        List<String> plan = explain(db, cursor);
        String text = String.join("\n", plan);
        System.out.println("EXPLAIN ANALYZE of the listing query after a cursor, " + ROWS + " statements:\n" + text);
        assertTrue(text.contains("Index Scan Backward using statements_by_recipient on statements"), text);
        assertFalse(text.contains("Seq Scan on statements"), text);
        assertFalse(text.contains("Bitmap Heap Scan on statements"), text);
        // Each party's index range stops after a page: at most PAGE rows per party leave the statements table.
        String scan = plan.stream().filter(l -> l.contains("Index Scan Backward using statements_by_recipient"))
                .findFirst().orElseThrow();
        assertTrue(scan.contains("rows=" + PAGE + " loops=" + LISTED.size()), scan);
    }

    private static List<String> ids(List<ImporterStatement> page) {
        return page.stream().map(s -> s.logId() + "/" + s.statementId() + " " + s.cnCode() + " " + s.issuedAt())
                .toList();
    }

    /** The pre-V5 listing, recipient parsed from every stored statement: what the indexed query must answer. */
    private static List<String> byJson(PGSimpleDataSource db, StatementCursor after) throws SQLException {
        String sql = "select log_id || '/' || statement_id || ' ' || (convert_from(statement, 'UTF8')::jsonb"
                + " ->> 'cnCode') || ' ' || (convert_from(statement, 'UTF8')::jsonb #>> '{issued,issuedAt}')"
                + " from statements where convert_from(statement, 'UTF8')::jsonb #>> '{issued,recipient}' = any (?)"
                + (after == null ? "" : " and (stored_at, log_id, statement_id) < (?, ?, ?)")
                + " order by stored_at desc, log_id desc, statement_id desc limit " + PAGE;
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(c, s, after, false);
            return strings(s);
        }
    }

    private static List<String> explain(PGSimpleDataSource db, StatementCursor after) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "explain (analyze, costs off, timing off, summary off) " + ImporterStatements.listSql(true))) {
            bind(c, s, after, true);
            return strings(s);
        }
    }

    private static void bind(Connection c, PreparedStatement s, StatementCursor after, boolean listing)
            throws SQLException {
        Array parties = c.createArrayOf("text", LISTED.toArray());
        int i = 1;
        s.setArray(i++, parties);
        if (after != null) {
            s.setTimestamp(i++, Timestamp.from(after.storedAt()));
            s.setString(i++, after.logId());
            s.setString(i++, after.statementId());
        }
        if (listing) {
            s.setInt(i++, PAGE);
            s.setInt(i, PAGE);
        }
    }

    private static String payload(String statementIdSql, String recipientSql) {
        return "json_build_object('kind', 'emissions-statement', 'cnCode', '7604', 'period',"
                + " json_build_object('from', '2026-01-01', 'to', '2026-03-31'), 'issued', json_build_object("
                + "'statementId', " + statementIdSql + ", 'issuedAt', '2026-04-01T00:00:00Z', 'issuer', 'exporter',"
                + " 'recipient', " + recipientSql + "))::text";
    }

    private static void insertLogs(Statement s) throws SQLException {
        s.execute("insert into logs (log_id, origin, operator_name, note_key_pkcs8) values"
                + " ('log-a', 'example.org/log-a', 'A', '\\x00'), ('log-b', 'example.org/log-b', 'B', '\\x00')");
    }

    private static PGSimpleDataSource database() {
        return Migrations.freshDatabase();
    }

    private static List<String> strings(PreparedStatement s) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.add(r.getString(1));
            }
        }
        return found;
    }
}
