package org.cbamledger.service.web;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.cbamledger.calculation.electricity.ElectricityLedgerResult;
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

    /** The body of the view for room {@code roomId}: stored, else computed (once, whoever asks), rendered and stored. */
    String body(String logId, ViewDigest digest, String roomId, Optional<YearMonth> month, ViewCache.Computation computation)
            throws SQLException, LedgerException {
        Optional<StoredViews.Body> found = stored.find(logId, digest, monthKey(month));
        if (found.isPresent()) {
            return forRoom(found.get(), roomId);
        }
        ReadinessView view = views.get(digest, computation);
        StoredViews.Body body = store(logId, digest, view, month);
        return forRoom(body, roomId);
    }

    /** Computes and stores the view of {@code indexes} and {@code statements} unless it is stored already. */
    void prepare(String logId, SortedSet<Long> indexes, List<StoredStatement> statements, ViewCache.Computation computation)
            throws SQLException, LedgerException {
        ViewDigest digest = digest(logId, indexes, statements);
        if (stored.find(logId, digest, monthKey(Optional.empty())).isEmpty()) {
            store(logId, digest, views.get(digest, computation), Optional.empty());
        }
    }

    /** Renders the body for no month and every month the view's charts offer (and the one asked for), and stores them. */
    private StoredViews.Body store(String logId, ViewDigest digest, ReadinessView view, Optional<YearMonth> asked)
            throws SQLException {
        String token = "view-" + HexFormat.of().formatHex(bytes());
        RoomEvidenceLinks links = new RoomEvidenceLinks(token);
        SortedSet<YearMonth> months = new TreeSet<>();
        view.assessments().values().forEach(a -> a.ledger().map(ElectricityLedgerResult::period).ifPresent(p -> months.addAll(Hours.months(p))));
        asked.ifPresent(months::add);
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put(monthKey(Optional.empty()), ReadinessPage.body(view, links, Optional.empty()));
        for (YearMonth m : months) {
            bodies.put(monthKey(Optional.of(m)), ReadinessPage.body(view, links, Optional.of(m)));
        }
        stored.store(logId, digest, token, bodies);
        return new StoredViews.Body(token, bodies.get(monthKey(asked)));
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
