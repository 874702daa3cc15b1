package org.cbamledger.service.web;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.cbamledger.calculation.electricity.Hours;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.statement.StoredStatement;

/**
 * The bodies of room views, stored by the exact {@link ViewDigest} of the entries and statements they show, so that a
 * view computed once (by a visitor, or ahead of the first one when a statement is stored) is served again without
 * reading or recalculating its entries. A body is rendered with a random token where its links name the room, so rooms
 * showing exactly the same entries and statements share it; the token is 128 random bits drawn after the entries were
 * fixed, so no entry's text can contain it.
 */
public final class RoomPages {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final StoredViews stored;
    private final ViewCache<ViewDigest> views = new ViewCache<>();

    public RoomPages(DataSource dataSource) {
        this.stored = new StoredViews(dataSource);
    }

    /** The digest of a view of {@code indexes} (ascending) and {@code statements} in a log. */
    ViewDigest digest(String logId, SortedSet<Long> indexes, List<StoredStatement> statements) throws SQLException {
        return ViewDigest.of(logId, stored.leaves(logId, indexes), statements);
    }

    /**
     * The body of the view for room {@code roomId} and the month asked for: stored, else rendered from the view (kept in
     * memory, else computed once, whoever asks) and stored.
     */
    String body(String logId, ViewDigest digest, String roomId, Optional<YearMonth> month, ViewCache.Computation computation)
            throws SQLException, LedgerException {
        Optional<StoredViews.Body> found = stored.find(logId, digest, monthKey(month));
        if (found.isPresent()) {
            return forRoom(found.get(), roomId);
        }
        ReadinessView view = views.get(digest, computation);
        if (month.isPresent() && !months(view).contains(month.get())) {
            // a month the charts do not offer is rendered, never stored: any visitor could ask for any of them
            return ReadinessPage.body(view, new RoomEvidenceLinks(roomId), month);
        }
        StoredViews.Body body = store(logId, digest, view, month);
        return forRoom(body, roomId);
    }

    /**
     * Computes the view of {@code indexes} and {@code statements} unless it is stored already (false), and stores its
     * body without a month and for every month its hourly charts offer. The view itself is not kept in memory: a plant's
     * year of parsed entries is gigabytes, and the bodies are all a visitor needs.
     */
    boolean prepare(String logId, SortedSet<Long> indexes, List<StoredStatement> statements, ViewCache.Computation computation)
            throws SQLException, LedgerException {
        ViewDigest digest = digest(logId, indexes, statements);
        if (stored.find(logId, digest, monthKey(Optional.empty())).isPresent()) {
            return false;
        }
        ReadinessView view = computation.compute();
        for (YearMonth month : months(view)) {
            store(logId, digest, view, Optional.of(month));
        }
        store(logId, digest, view, Optional.empty());
        return true;
    }

    /** The months the view's hourly charts offer. */
    private static SortedSet<YearMonth> months(ReadinessView view) {
        SortedSet<YearMonth> months = new TreeSet<>();
        view.assessments().values().forEach(a -> a.ledger().ifPresent(ledger -> months.addAll(Hours.months(ledger.period()))));
        return months;
    }

    /** Renders the body for the month asked for (empty: none) and stores it. */
    private StoredViews.Body store(String logId, ViewDigest digest, ReadinessView view, Optional<YearMonth> month)
            throws SQLException {
        String token = "view-" + HexFormat.of().formatHex(bytes());
        String body = ReadinessPage.body(view, new RoomEvidenceLinks(token), month);
        stored.store(logId, digest, token, monthKey(month), body);
        return new StoredViews.Body(token, body);
    }

    private static byte[] bytes() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return token;
    }

    /** The body with the room's links: what rendering it with {@code RoomEvidenceLinks(roomId)} gives. */
    private static String forRoom(StoredViews.Body body, String roomId) {
        return body.html().replace(body.linksToken(), Html.escape(RoomEvidenceLinks.segment(roomId)));
    }

    private static String monthKey(Optional<YearMonth> month) {
        return month.map(YearMonth::toString).orElse("");
    }
}
