package org.cbamledger.service.importer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.cbamledger.service.statement.StatementStore;
import org.cbamledger.service.statement.StoredStatement;

/**
 * The statements issued to given parties ({@code statements.recipient}, the stored statement's
 * {@code /issued/recipient}), across all logs. A statement issued to anyone else is, to these queries, a statement
 * that does not exist.
 */
public final class ImporterStatements {
    private static final String ORDER = " order by stored_at desc, log_id desc, statement_id desc";
    private final DataSource dataSource;
    private final StatementStore statements;

    public ImporterStatements(DataSource dataSource) {
        this.dataSource = dataSource;
        this.statements = new StatementStore(dataSource);
    }

    /**
     * The listing query: each party's newest {@code limit} statements after the cursor, read backward along
     * {@code statements_by_recipient} (V5) from the cursor, then the newest {@code limit} of those; only that page
     * has its payload parsed. One index range per party, because {@code recipient = any (?)} on one range would
     * come out in party order and need every matching row sorted.
     */
    static String listSql(boolean afterCursor) {
        return "select log_id, statement_id, stored_at, json ->> 'cnCode', json -> 'period',"
                + " json #>> '{issued,issuedAt}' from (select s.log_id, s.statement_id, s.stored_at, s.statement"
                + " from unnest(?::text[]) as party (recipient) cross join lateral"
                + " (select log_id, statement_id, stored_at, statement from statements"
                + " where recipient = party.recipient"
                + (afterCursor ? " and (stored_at, log_id, statement_id) < (?, ?, ?)" : "")
                + ORDER + " limit ?) s" + ORDER + " limit ?) page"
                + " cross join lateral (select convert_from(page.statement, 'UTF8')::jsonb as json) payload" + ORDER;
    }

    /** Newest stored first; {@code after} is the cursor of the previous page's last item, or null. */
    public List<ImporterStatement> list(Set<String> recipients, int limit, StatementCursor after) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(listSql(after != null))) {
            Array parties = c.createArrayOf("text", recipients.toArray());
            int i = 1;
            s.setArray(i++, parties);
            if (after != null) {
                s.setTimestamp(i++, Timestamp.from(after.storedAt()));
                s.setString(i++, after.logId());
                s.setString(i++, after.statementId());
            }
            s.setInt(i++, limit);
            s.setInt(i, limit);
            List<ImporterStatement> page = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    page.add(new ImporterStatement(r.getString(1), r.getString(2), r.getString(4), r.getString(5),
                            r.getString(6), r.getTimestamp(3).toInstant()));
                }
            } finally {
                parties.free();
            }
            return page;
        }
    }

    /** The statement, if it is issued to one of the parties; empty alike when it is absent or someone else's. */
    public Optional<StoredStatement> find(Set<String> recipients, String logId, String statementId)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select 1 from statements where log_id = ?"
                        + " and statement_id = ? and recipient = any (?)")) {
            Array parties = c.createArrayOf("text", recipients.toArray());
            s.setString(1, logId);
            s.setString(2, statementId);
            s.setArray(3, parties);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
            } finally {
                parties.free();
            }
        }
        return statements.find(logId, statementId);
    }
}
