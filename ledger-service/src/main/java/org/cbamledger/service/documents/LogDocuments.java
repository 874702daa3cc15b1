package org.cbamledger.service.documents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.cbamledger.archive.ArchiveException;
import org.cbamledger.archive.DocumentArchive;
import org.cbamledger.archive.DocumentErasedException;
import org.cbamledger.archive.DocumentErasure;
import org.cbamledger.archive.DocumentNotFoundException;
import org.cbamledger.service.db.StoreException;

/**
 * The {@code log_documents} table: which logs hold which archived documents, and each log's erasure of one. The
 * archive keeps a blob once per sha256; a log reaches only the documents it holds. Claims and erasures of one
 * digest take a transaction-scoped advisory lock on it, so that an erasure deletes the blob only when, under that
 * lock, no other log holds it, and a claim that follows such an erasure finds the blob gone and stores it again. A
 * database failure is a {@link StoreException}, thrown after the transaction is rolled back.
 */
public final class LogDocuments {
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended('log-document:' || ?, 0))";

    private final DataSource dataSource;
    private final Clock clock;

    public LogDocuments(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records that {@code logId} holds the document; holding it already is no change.
     *
     * @throws DocumentErasedException the log erased this content before; it is not taken back
     */
    public void claim(String logId, String sha256) throws ArchiveException {
        inTransaction(c -> {
            Optional<DocumentHolding> held = holding(c, logId, sha256);
            if (held.isPresent() && held.get().erasure().isPresent()) {
                throw new DocumentErasedException(held.get().erasure().get());
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into log_documents (log_id, sha256) values (?, ?) on conflict do nothing")) {
                s.setString(1, logId);
                s.setString(2, sha256);
                s.executeUpdate();
            }
            return null;
        }, sha256);
    }

    /** The log's hold on the document, or empty when the log never held it (whoever else does). */
    public Optional<DocumentHolding> holding(String logId, String sha256) {
        return StoreException.wrapping(() -> {
            try (Connection c = dataSource.getConnection()) {
                return holding(c, logId, sha256);
            }
        });
    }

    /** The log's holds on these documents, in one query; the documents it never held are absent. */
    public Map<String, DocumentHolding> holdings(String logId, Collection<String> sha256s) {
        return StoreException.wrapping(() -> checkedHoldings(logId, sha256s));
    }

    private Map<String, DocumentHolding> checkedHoldings(String logId, Collection<String> sha256s) throws SQLException {
        Map<String, DocumentHolding> found = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select sha256, erased_at, erasure_reason, erasure_requested_by from log_documents"
                        + " where log_id = ? and sha256 = any (?)")) {
            s.setString(1, logId);
            s.setArray(2, c.createArrayOf("text", sha256s.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    DocumentHolding h = holdingOf(r);
                    found.put(h.sha256(), h);
                }
            }
        }
        return found;
    }

    /**
     * Erases the document for {@code logId} and returns the log's {@code document-erasure} record to sign; the blob
     * is deleted only when no other log still holds the document. Erasing again returns the first record and
     * finishes a deletion a crash interrupted.
     *
     * @throws DocumentNotFoundException the log does not hold the document
     * @throws IllegalArgumentException the reason or requester is not a valid record field
     */
    public DocumentErasure erase(String logId, String sha256, String reason, String requestedBy, DocumentArchive archive)
            throws ArchiveException {
        return inTransaction(c -> {
            DocumentHolding held = holding(c, logId, sha256).orElseThrow(() -> new DocumentNotFoundException(sha256));
            DocumentErasure erasure = held.erasure().orElse(null);
            if (erasure == null) {
                erasure = new DocumentErasure(sha256, reason, requestedBy, clock.instant().truncatedTo(ChronoUnit.MILLIS));
                try (PreparedStatement s = c.prepareStatement("update log_documents set erased_at = ?,"
                        + " erasure_reason = ?, erasure_requested_by = ? where log_id = ? and sha256 = ?")) {
                    s.setTimestamp(1, Timestamp.from(erasure.erasedAt()));
                    s.setString(2, erasure.reason());
                    s.setString(3, erasure.requestedBy());
                    s.setString(4, logId);
                    s.setString(5, sha256);
                    s.executeUpdate();
                }
            }
            if (!heldElsewhere(c, logId, sha256)) {
                // inside the transaction: should the commit fail, erasing again finds the blob gone and records it
                archive.deleteContent(sha256);
            }
            return erasure;
        }, sha256);
    }

    private static boolean heldElsewhere(Connection c, String logId, String sha256) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select exists (select 1 from log_documents"
                + " where sha256 = ? and log_id <> ? and erased_at is null)")) {
            s.setString(1, sha256);
            s.setString(2, logId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static Optional<DocumentHolding> holding(Connection c, String logId, String sha256) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select sha256, erased_at, erasure_reason, erasure_requested_by"
                + " from log_documents where log_id = ? and sha256 = ?")) {
            s.setString(1, logId);
            s.setString(2, sha256);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(holdingOf(r)) : Optional.empty();
            }
        }
    }

    private static DocumentHolding holdingOf(ResultSet r) throws SQLException {
        Timestamp erasedAt = r.getTimestamp(2);
        String sha256 = r.getString(1);
        return new DocumentHolding(sha256, erasedAt == null ? Optional.empty()
                : Optional.of(new DocumentErasure(sha256, r.getString(3), r.getString(4), erasedAt.toInstant())));
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException, ArchiveException;
    }

    private <T> T inTransaction(Work<T> work, String sha256) throws ArchiveException {
        try {
            return checkedInTransaction(work, sha256);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private <T> T checkedInTransaction(Work<T> work, String sha256) throws SQLException, ArchiveException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement(LOCK)) {
                    lock.setString(1, sha256);
                    lock.execute();
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | ArchiveException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }
}
