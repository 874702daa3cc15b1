package org.cbamledger.service.bundle;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.exchange.template.StatementWorkbook;
import org.cbamledger.service.claims.ClaimProofExport;
import org.cbamledger.service.claims.DeploymentClaims;
import org.cbamledger.service.documents.BundleDocuments;
import org.cbamledger.service.index.RoomIndexFiles;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.store.TreeStore;
import org.cbamledger.signer.HashReader;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.TreeHashes;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.BundleSink;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.bundle.Coverage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a log's evidence bundle (BUNDLE.md format v2) to a directory or a zip stream, reading entries a page at a
 * time (only indexes and the few claiming and document-referencing entries are held): the latest checkpoint, the requested entries
 * packed, the hash tiles that prove them into it (the bundle states that it covers that index range), and always the party and key entries a verifier needs to check signatures.
 * With a statement: also the statement files, every entry below the checkpoint it rests on, and that
 * checkpoint with a consistency proof to the latest. A data room's bundle holds exactly the room's entries instead.
 */
public final class BundleExporter {
    private static final Set<String> ALWAYS_BUNDLED = Set.of(Kinds.PARTY, Kinds.KEY_REGISTRATION, Kinds.KEY_REVOCATION,
            Kinds.LOG_KEY_ROTATION);
    /** The entries the claim proofs and documents are chosen by; only these are kept past their page. */
    private static final Set<String> SIDE_FILE_KINDS = union(Kinds.CLAIMING, BundleDocuments.REFERENCING_KINDS);
    private static final int PAGE = 1_000;
    private static final JsonMapper JSON = JsonMappers.PLAIN;
    /** 32 MiB of hashes. */
    private static final long MAX_SNAPSHOT_HASHES = 1L << 20;

    private final EntryStore entries;
    private final TreeStore tree;
    private final CheckpointStore checkpoints;
    private final ClaimProofExport claimProofs;
    private final BundleDocuments documents;
    private CheckpointEvidence evidence = CheckpointEvidence.NONE;

    public BundleExporter(EntryStore entries, TreeStore tree, CheckpointStore checkpoints) {
        this(entries, tree, checkpoints, null);
    }

    /** @param claimProofs writes {@code uniqueness/} for the bundled claiming entries; null for none */
    public BundleExporter(EntryStore entries, TreeStore tree, CheckpointStore checkpoints, ClaimProofExport claimProofs) {
        this(entries, tree, checkpoints, claimProofs, BundleDocuments.NONE);
    }

    /** @param documents adds the archived documents the bundled entries reference ({@code documents/}) */
    public BundleExporter(EntryStore entries, TreeStore tree, CheckpointStore checkpoints, ClaimProofExport claimProofs,
            BundleDocuments documents) {
        this.entries = entries;
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.claimProofs = claimProofs;
        this.documents = documents;
    }

    /** Bundles witness cosignatures and timestamps with the checkpoints (BUNDLE.md {@code timestamps/}). */
    public BundleExporter withEvidence(CheckpointEvidence checkpointEvidence) {
        this.evidence = checkpointEvidence;
        return this;
    }

    /**
     * Chooses and checks a log's bundle; nothing is read beyond indexes until it is written.
     *
     * @param fromIndex first entry to bundle, null for 0
     * @param toIndex entry after the last one to bundle, null for the checkpoint's tree size
     * @param statement a statement to include, or null
     */
    public PreparedBundle export(LogInfo log, StoredCheckpoint checkpoint, Long fromIndex, Long toIndex,
            BundledStatement statement) throws LedgerException, SQLException {
        checkpoint = evidence.forExport(log.logId(), checkpoint);
        long size = checkpoint.treeSize();
        long from = fromIndex == null ? 0 : fromIndex;
        long to = toIndex == null ? size : toIndex;
        if (from < 0 || from > to || to > size) {
            throw new LedgerException(Problem.INVALID_PARAMETER,
                    "need 0 <= fromIndex <= toIndex <= " + size + " (the latest checkpoint), got " + from + " and " + to);
        }
        TreeSet<Long> selected = new TreeSet<>();
        for (StoredEntry e : entries.ofKinds(log.logId(), ALWAYS_BUNDLED, size)) {
            selected.add(e.index());
        }
        addRange(selected, from, to);
        if (statement != null) {
            addRange(selected, 0, statementCheckpoint(log, statement, size).treeSize());
        }
        return newPlan(log, checkpoint, selected, statement, new Coverage.Range(from, to), Map.of());
    }

    /**
     * A bundle of exactly the given entries (a data room's), proved against {@code checkpoint}, with a statement
     * (or null) and the checkpoint it rests on: the caller chose the entries the statement's figures need.
     */
    public PreparedBundle exportSelection(LogInfo log, StoredCheckpoint checkpoint, SortedSet<Long> indexes,
            BundledStatement statement) throws LedgerException, SQLException {
        checkpoint = evidence.forExport(log.logId(), checkpoint);
        return newPlan(log, checkpoint, below(indexes, checkpoint.treeSize()), statement, null, Map.of());
    }

    /**
     * A room's bundle, complete by the log's index: the room's entries, which hold every entry the index lists under
     * the room's scope keys, the index-commitment, the map proofs and the room coverage, proved against the checkpoint
     * that covers the commitment.
     */
    public PreparedBundle exportRoom(LogInfo log, SortedSet<Long> roomIndexes, RoomIndexFiles roomIndex,
            BundledStatement statement) throws LedgerException, SQLException {
        if (!roomIndexes.containsAll(roomIndex.listedLeaves())) {
            throw new IllegalArgumentException("the room lacks entries its index keys list: it is not complete by the index");
        }
        StoredCheckpoint checkpoint = evidence.forExport(log.logId(), roomIndex.checkpoint());
        TreeSet<Long> indexes = new TreeSet<>(roomIndexes);
        indexes.add(roomIndex.commitmentIndex());
        return newPlan(log, checkpoint, below(indexes, checkpoint.treeSize()), statement, roomIndex.coverage(),
                roomIndex.proofsByMapKeyHex());
    }

    /** A bundle chosen and checked, so a request can be refused before its first byte; written when asked. */
    public interface PreparedBundle {
        long treeSize();

        /** Writes the whole bundle and finishes the sink; entries are read a page at a time. */
        void writeTo(BundleSink sink) throws LedgerException, SQLException, IOException;
    }

    private record Plan(LogInfo log, StoredCheckpoint checkpoint, SortedSet<Long> indexes, BundledStatement statement,
            Coverage coverage, Map<String, byte[]> indexProofs, BundleExporter exporter) implements PreparedBundle {
        @Override
        public long treeSize() {
            return checkpoint.treeSize();
        }

        @Override
        public void writeTo(BundleSink sink) throws LedgerException, SQLException, IOException {
            exporter.write(this, sink);
        }
    }

    private Plan newPlan(LogInfo log, StoredCheckpoint checkpoint, SortedSet<Long> indexes, BundledStatement statement,
            Coverage coverage, Map<String, byte[]> indexProofs) {
        return new Plan(log, checkpoint, indexes, statement, coverage, indexProofs, this);
    }

    private static SortedSet<Long> below(SortedSet<Long> indexes, long size) throws LedgerException {
        if (!indexes.isEmpty() && (indexes.first() < 0 || indexes.last() >= size)) {
            throw new LedgerException(Problem.INVALID_PARAMETER, "bundled entries must lie below the checkpoint's size " + size);
        }
        return indexes;
    }

    private StoredCheckpoint statementCheckpoint(LogInfo log, BundledStatement statement, long size)
            throws LedgerException, SQLException {
        long restsOn = statement.checkpointSize();
        StoredCheckpoint found = checkpoints.bySize(log.logId(), restsOn).orElseThrow(() -> new LedgerException(
                Problem.ENTRY_NOT_FOUND, "the statement's checkpoint of size " + restsOn + " is not one this log signed"));
        if (restsOn > size) {
            throw new LedgerException(Problem.INVALID_PARAMETER, "the statement rests on a checkpoint newer than " + size);
        }
        return found;
    }

    private void write(Plan plan, BundleSink sink) throws LedgerException, SQLException, IOException {
        LogInfo log = plan.log();
        StoredCheckpoint checkpoint = plan.checkpoint();
        BundledStatement statement = plan.statement();
        long size = checkpoint.treeSize();
        // the tiles of many entries share most of their hashes: read the whole tree once rather than a query per tile
        long hashCount = TreeHashes.storedHashCount(size);
        HashReader reader = plan.indexes().size() > 32 && hashCount <= MAX_SNAPSHOT_HASHES
                ? tree.snapshot(log.logId(), hashCount) : tree.reader(log.logId());
        BundleWriter writer = BundleWriter.v2(sink, reader);
        if (plan.coverage() != null) {
            writer.cover(plan.coverage());
        }
        for (Map.Entry<String, byte[]> proof : plan.indexProofs().entrySet()) {
            writer.addIndexProof(proof.getKey(), proof.getValue());
        }
        writer.logInfo(log.logId(), log.origin(), List.of(log.noteSigner().verifierKey()));
        writer.addCheckpoint(size, checkpoint.signedNote());
        // earlier checkpoints: the statement's, and for each entry the first timestamped one that includes it
        TreeSet<Long> earlier = new TreeSet<>();
        long statementSize = statement == null ? size : statementCheckpoint(log, statement, size).treeSize();
        if (statementSize < size) {
            earlier.add(statementSize);
        }
        var tokens = evidence.timestamps(log.logId(), size);
        for (long index : plan.indexes()) {
            Long dating = tokens.higherKey(index);
            if (dating != null && dating < size) {
                earlier.add(dating);
            }
        }
        for (long earlierSize : earlier) {
            StoredCheckpoint c = evidence.cosigned(log.logId(), checkpoints.bySize(log.logId(), earlierSize).orElseThrow(
                    () -> new SQLException("checkpoint " + earlierSize + " of log " + log.logId() + " vanished")));
            writer.addCheckpoint(earlierSize, c.signedNote());
            writer.addConsistency(earlierSize, size, TreeHashes.proveConsistency(size, earlierSize, tree.reader(log.logId())));
        }
        for (long timestamped : tokens.keySet()) {
            if (timestamped == size || earlier.contains(timestamped)) {
                writer.addTimestamp(timestamped, tokens.get(timestamped));
            }
        }
        List<StoredEntry> sideFileEntries = new ArrayList<>();
        long pageStart = -1;
        List<StoredEntry> page = List.of();
        for (long index : plan.indexes()) {
            if (pageStart < 0 || index >= pageStart + PAGE) {
                pageStart = index;
                page = entries.range(log.logId(), index, Math.min(size, index + PAGE));
            }
            StoredEntry e = page.get((int) (index - pageStart));
            writer.addEntry(e.index(), e.envelope());
            if (SIDE_FILE_KINDS.contains(e.kind())) {
                sideFileEntries.add(e);
            }
        }
        if (statement != null) {
            writer.addStatement(statement.fileName(), statement.statementJson(), statement.compactJws(),
                    statement.pdfOrNull());
            if (statementWorkbook(statement) instanceof byte[] xlsx) {
                writer.addStatementWorkbook(xlsx);
            }
        }
        if (claimProofs != null) {
            claimProofs.write(log, sideFileEntries, writer);
        }
        documents.addReferenced(log.logId(), sideFileEntries, writer);
        writer.finish();
    }

    /** The communication template workbook the statement binds, rendered again from it (same statement, same bytes); null if it binds none. */
    private static byte[] statementWorkbook(BundledStatement statement) throws IOException {
        try {
            JsonNode json = JSON.readTree(statement.statementJson());
            return StatementRenderings.boundWorkbookSha256(json).isPresent() ? StatementWorkbook.render(json) : null;
        } catch (CalculationException | JacksonException e) {
            throw new IOException("cannot render the statement's communication template: " + e.getMessage(), e);
        }
    }

    private static void addRange(TreeSet<Long> selected, long from, long to) {
        for (long index = from; index < to; index++) {
            selected.add(index);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
