package org.cbamledger.service.statement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cbamledger.service.bundle.BundledStatement;
import org.cbamledger.service.bundle.StatementSource;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code statements} table; it is also where a bundle finds the statement it includes. */
public final class StatementStore implements StatementSource {
    private static final String UNIQUE_VIOLATION = "23505";
    /** api-spec/BUNDLE.md: statement.json, with statement.jws and statement.pdf beside it. */
    static final String BUNDLE_FILE = "statement.json";
    /** Where a statement names the party it is issued to; stored beside it as {@code statements.recipient}. */
    public static final String RECIPIENT = "/issued/recipient";
    private static final JsonMapper JSON = JsonMappers.PLAIN;
    private final DataSource dataSource;

    public StatementStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<StoredStatement> find(String logId, String statementId) {
        return StoreException.wrapping(() -> checkedFind(logId, statementId));
    }

    private Optional<StoredStatement> checkedFind(String logId, String statementId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select key_id, tree_size, jws, statement, pdf from statements"
                        + " where log_id = ? and statement_id = ?")) {
            s.setString(1, logId);
            s.setString(2, statementId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredStatement(logId, statementId, r.getString(1), r.getLong(2),
                        r.getString(3), r.getBytes(4), r.getBytes(5)));
            }
        }
    }

    /** Every statement of a log, oldest checkpoint first. */
    public List<StoredStatement> ofLog(String logId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select statement_id, key_id, tree_size, jws, statement, pdf"
                        + " from statements where log_id = ? order by tree_size, statement_id")) {
            s.setString(1, logId);
            List<StoredStatement> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new StoredStatement(logId, r.getString(1), r.getString(2), r.getLong(3), r.getString(4),
                            r.getBytes(5), r.getBytes(6)));
                }
            }
            return found;
        }
    }

    /** How many statements a log holds: a room's contents change when it does. */
    public long countOf(String logId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from statements where log_id = ?")) {
            s.setString(1, logId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The statement as a bundle holds it: statement.json is its payload, indented for people to read. */
    @Override
    public BundledStatement statement(String logId, String statementId) throws LedgerException, SQLException {
        StoredStatement s = find(logId, statementId).orElseThrow(() -> new LedgerException(Problem.STATEMENT_NOT_FOUND,
                "log " + logId + " holds no statement " + statementId));
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.readTree(s.statementJson()));
        return new BundledStatement(BUNDLE_FILE, json, s.jws(), s.pdf(), s.treeSize());
    }

    /**
     * Inserts the statement with its recipient, read from the payload being stored so the indexed column cannot
     * disagree with what was signed; false when one with its id is stored already (the caller compares).
     */
    public boolean insert(StoredStatement statement) throws SQLException {
        String recipient = recipientOf(statement);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into statements (log_id, statement_id, key_id,"
                        + " tree_size, jws, statement, pdf, recipient) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, statement.logId());
            s.setString(2, statement.statementId());
            s.setString(3, statement.keyId());
            s.setLong(4, statement.treeSize());
            s.setString(5, statement.jws());
            s.setBytes(6, statement.statementJson());
            s.setBytes(7, statement.pdf());
            s.setString(8, recipient);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static String recipientOf(StoredStatement statement) throws SQLException {
        JsonNode recipient = JSON.readTree(statement.statementJson()).at(RECIPIENT);
        if (!recipient.isString() || recipient.asString().isEmpty()) {
            throw new SQLException("statement " + statement.statementId() + " of log " + statement.logId()
                    + " has no " + RECIPIENT + " to store");
        }
        return recipient.asString();
    }
}
