package org.cbamledger.service.web;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.cbamledger.service.index.EntryIndexStore;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.room.RoomContents;
import org.cbamledger.service.room.scope.RoomDefinition;
import org.cbamledger.service.room.scope.RoomIndexStore;
import org.cbamledger.service.room.scope.RoomScope;
import org.cbamledger.service.room.scope.RoomSelection;
import org.cbamledger.service.statement.StatementStore;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.service.statement.StoredStatementListener;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.signer.JsonMappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * When a statement is stored, computes and stores the web view of the room it defines (its installation, period and
 * CN code), as an exporter or verifier sees it under the log's latest checkpoint: the room an exporter opens for the
 * statement's importer and verifier then shows its first view from {@link RoomPages} instead of recalculating a year of
 * readings. A room whose entries or statements differ in any way has another digest and is computed on its first view,
 * as before. A failure here is logged; the statement stays stored.
 */
public final class StatementViewPreparer implements StoredStatementListener {
    private static final Logger LOG = LoggerFactory.getLogger(StatementViewPreparer.class);

    private final RoomPages pages;
    private final RoomContents contents;
    private final CheckpointStore checkpoints;
    private final StatementStore statements;
    private final EntryIndexStore index;
    private final RoomIndexStore roomIndex;

    public StatementViewPreparer(RoomPages pages, RoomContents contents, CheckpointStore checkpoints,
            StatementStore statements, EntryIndexStore index, RoomIndexStore roomIndex) {
        this.pages = pages;
        this.contents = contents;
        this.checkpoints = checkpoints;
        this.statements = statements;
        this.index = index;
        this.roomIndex = roomIndex;
    }

    @Override
    public void stored(StoredStatement statement) {
        try {
            prepare(statement);
        } catch (SQLException | LedgerException | RuntimeException e) {
            LOG.warn("the web view of statement {} of log {} was not prepared: {}", statement.statementId(),
                    statement.logId(), e.toString());
        }
    }

    private void prepare(StoredStatement statement) throws SQLException, LedgerException {
        String logId = statement.logId();
        JsonNode json = JsonMappers.PLAIN.readTree(statement.statementJson());
        // as POST /logs/{logId}/rooms reads a CN code: "7604 10 90" is 76041090
        RoomDefinition room = new RoomDefinition("statement-" + statement.statementId(), logId,
                "statement " + statement.statementId(), json.at("/installation/installationId").asString(),
                LocalDate.parse(json.at("/period/from").asString()), LocalDate.parse(json.at("/period/to").asString()),
                new TreeSet<>(List.of(json.at("/cnCode").asString().replace(" ", ""))), "statement-intake", Instant.EPOCH);
        long started = System.nanoTime();
        StoredCheckpoint checkpoint = checkpoints.latest(logId).orElseThrow(
                () -> new SQLException("log " + logId + " has no checkpoint, yet a statement was stored under one"));
        List<StoredStatement> stored = statements.ofLog(logId).stream()
                .filter(s -> s.treeSize() <= checkpoint.treeSize()).toList();
        // what RoomContents.snapshot selects for a room of this scope under the same checkpoint
        index.catchUp(logId, checkpoint.treeSize());
        RoomSelection selection = RoomScope.select(room, roomIndex.source(logId, checkpoint.treeSize()), stored);
        long selected = System.nanoTime();
        long[] computed = {selected};
        boolean made = pages.prepare(logId, selection.indexes(), selection.statements(), () -> {
            List<StoredEntry> entries = new ArrayList<>();
            contents.read(logId, selection.indexes(), entries::add);
            ReadinessView view = ReadinessView.of(entries, selection.statements());
            computed[0] = System.nanoTime();
            return view;
        });
        LOG.info("web view of statement {} of log {} ({} entries): {} in {} ms (selection {} ms, view {} ms)",
                statement.statementId(), logId, selection.indexes().size(), made ? "prepared" : "stored already",
                (System.nanoTime() - started) / 1_000_000, (selected - started) / 1_000_000, (computed[0] - selected) / 1_000_000);
    }
}
