package org.cbamledger.service.room;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.cbamledger.service.index.EntryIndexStore;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.room.scope.RoomDefinition;
import org.cbamledger.service.room.scope.RoomIndexStore;
import org.cbamledger.service.room.scope.RoomScope;
import org.cbamledger.service.room.scope.RoomSelection;
import org.cbamledger.service.statement.StatementStore;
import org.cbamledger.service.statement.StoredStatement;

/**
 * What a room holds under the log's latest checkpoint ({@link RoomScope} over the room index), kept per room until
 * the log or its statements change. Entries the room's own access log appends do not change what it holds, so a room read
 * again after only room-access entries reuses its selection instead of walking the log.
 */
public final class RoomContents {
    private static final int PAGE = 1_000;

    private final EntryStore entries;
    private final StatementStore statements;
    private final CheckpointStore checkpoints;
    private final EntryIndexStore index;
    private final RoomIndexStore roomIndex;
    private final Map<String, RoomSnapshot> latest = new ConcurrentHashMap<>();
    private final Map<String, Narrowed> narrowed = new ConcurrentHashMap<>();

    /** {@code index} fills {@code roomIndex} with the log's entry index ({@link EntryIndexStore#catchUp}). */
    public RoomContents(EntryStore entries, StatementStore statements, CheckpointStore checkpoints,
            EntryIndexStore index, RoomIndexStore roomIndex) {
        this.entries = entries;
        this.statements = statements;
        this.checkpoints = checkpoints;
        this.index = index;
        this.roomIndex = roomIndex;
    }

    /** The room's selection under the log's latest checkpoint. */
    public RoomSnapshot snapshot(RoomDefinition room) throws LedgerException, SQLException {
        StoredCheckpoint checkpoint = checkpoints.latest(room.logId()).orElseThrow(() -> new LedgerException(
                Problem.ENTRY_NOT_FOUND, "log " + room.logId() + " has no checkpoint yet"));
        long statementCount = statements.countOf(room.logId());
        RoomSnapshot cached = latest.get(room.roomId());
        if (cached != null && cached.statementCount() == statementCount
                && cached.checkpoint().treeSize() <= checkpoint.treeSize()
                && onlyAccessLogSince(room.logId(), cached.checkpoint().treeSize(), checkpoint.treeSize())) {
            RoomSnapshot moved = new RoomSnapshot(room, checkpoint, statementCount, cached.selection());
            latest.put(room.roomId(), moved);
            return moved;
        }
        List<StoredStatement> logStatements = statements.ofLog(room.logId()).stream()
                .filter(s -> s.treeSize() <= checkpoint.treeSize()).toList();
        // the schedule keeps the index close behind the checkpoints; this indexes what it has not reached yet
        index.catchUp(room.logId(), checkpoint.treeSize());
        RoomSelection selection = RoomScope.select(room, roomIndex.source(room.logId(), checkpoint.treeSize()),
                logStatements);
        RoomSnapshot computed = new RoomSnapshot(room, checkpoint, statementCount, selection);
        latest.put(room.roomId(), computed);
        return computed;
    }

    /** What one visitor sees of a selection ({@link VisitSelection}), kept while the room's selection stays the same. */
    public VisitSelection visible(RoomVisit visit, RoomSelection selection) throws SQLException, LedgerException {
        if (visit.importerParties().isEmpty()) {
            return VisitSelection.of(visit, selection, this);
        }
        String key = visit.room().roomId() + "|" + new TreeSet<>(visit.importerParties());
        Narrowed cached = narrowed.get(key);
        if (cached != null && cached.selection() == selection) {
            return cached.visible();
        }
        VisitSelection computed = VisitSelection.of(visit, selection, this);
        narrowed.put(key, new Narrowed(selection, computed));
        return computed;
    }

    private record Narrowed(RoomSelection selection, VisitSelection visible) {}

    /** Reads the entries at {@code indexes} (ascending) a page at a time, until {@code visitor} says stop. */
    public void read(String logId, Iterable<Long> indexes, EntryVisitor visitor) throws SQLException, LedgerException {
        long pageStart = -1;
        List<StoredEntry> page = List.of();
        for (long index : indexes) {
            if (pageStart < 0 || index < pageStart || index >= pageStart + page.size()) {
                pageStart = index;
                page = entries.range(logId, index, index + PAGE);
            }
            int offset = (int) (index - pageStart);
            if (offset >= page.size()) {
                throw new LedgerException(Problem.ENTRY_NOT_FOUND, "entry " + index + " of log " + logId + " is missing");
            }
            if (!visitor.visit(page.get(offset))) {
                return;
            }
        }
    }

    /** One entry after another; false stops the walk. */
    @FunctionalInterface
    public interface EntryVisitor {
        boolean visit(StoredEntry entry) throws SQLException, LedgerException;
    }

    private boolean onlyAccessLogSince(String logId, long from, long to) throws SQLException {
        for (long start = from; start < to; start += PAGE) {
            for (StoredEntry e : entries.range(logId, start, Math.min(to, start + PAGE))) {
                if (!e.kind().equals(RoomAccessRecord.KIND)) {
                    return false;
                }
            }
        }
        return true;
    }
}
