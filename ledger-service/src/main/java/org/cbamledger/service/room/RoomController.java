package org.cbamledger.service.room;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Principal;
import org.cbamledger.service.bundle.BundleExporter;
import org.cbamledger.service.bundle.BundledStatement;
import org.cbamledger.service.bundle.StreamedZip;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.documents.ArchiveSettings;
import org.cbamledger.service.documents.DocumentHolding;
import org.cbamledger.service.documents.DocumentService;
import org.cbamledger.service.documents.LogDocuments;
import org.cbamledger.service.documents.VerifiedDownload;
import org.cbamledger.service.http.BearerTokenFilter;
import org.cbamledger.service.http.Params;
import org.cbamledger.service.http.TooManyRequestsException;
import org.cbamledger.service.index.IndexCommitter;
import org.cbamledger.service.index.RoomIndexFiles;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.log.ConsistencyProof;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.log.LogReader;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.room.scope.RoomDefinition;
import org.cbamledger.service.room.scope.RoomSelection;
import org.cbamledger.service.statement.StatementStore;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * A data room as its parties read it. Every route goes through {@link RoomAccess}: it checks the grant's scope and
 * appends the access to the room's log. Whatever lies outside the room answers 404 as if it did not exist.
 */
@Controller("/rooms")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoomController {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final RoomStore rooms;
    private final RoomAccess access;
    private final RoomContents contents;
    private final EntryStore entries;
    private final LogReader reader;
    private final CheckpointStore checkpoints;
    private final StatementStore statements;
    private final BundleExporter exporter;
    private final Ledger ledger;
    private final DocumentService documents;
    private final LogDocuments held;
    private final Path spoolDir;
    private final IndexCommitter indexCommitter;

    RoomController(RoomStore rooms, RoomAccess access, RoomContents contents, EntryStore entries, LogReader reader,
            CheckpointStore checkpoints, StatementStore statements, BundleExporter exporter, Ledger ledger,
            DocumentService documents, LogDocuments held, ArchiveSettings archive, IndexCommitter indexCommitter) {
        this.rooms = rooms;
        this.access = access;
        this.contents = contents;
        this.entries = entries;
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.statements = statements;
        this.exporter = exporter;
        this.ledger = ledger;
        this.documents = documents;
        this.held = held;
        this.spoolDir = archive.spoolDir();
        this.indexCommitter = indexCommitter;
    }

    /** The rooms granted to the token's importer and verifier parties, with the scopes of each grant. */
    @Get
    public HttpResponse<String> granted(HttpRequest<?> request) throws AuthException {
        Principal principal = BearerTokenFilter.principal(request);
        List<Map<String, Object>> found = new ArrayList<>();
        for (RoomGrant grant : StoreException.wrapping(() -> rooms.activeGrantsOf(PartyRole.of(principal)))) {
            RoomDefinition room = StoreException.wrapping(() -> rooms.find(grant.roomId())).orElseThrow();
            found.add(Map.of("room", RoomBodies.RoomBody.of(room), "grant", RoomBodies.GrantBody.of(grant)));
        }
        return json(found);
    }

    @Get("/{roomId}")
    public HttpResponse<?> summary(HttpRequest<?> request, String roomId)
            throws AuthException, TooManyRequestsException, LedgerException, IOException {
        return access.serve(request, roomId, null, new RoomAccess.Resource("room", null), visit -> {
            RoomSnapshot snapshot = contents.snapshot(visit.room());
            VisitSelection seen = contents.visible(visit, snapshot.selection());
            SortedMap<String, Long> byKind = new TreeMap<>();
            seen.reasons().keySet().forEach(i -> byKind.merge(snapshot.selection().kinds().get(i), 1L, Long::sum));
            long visibleStatements = snapshot.selection().statements().stream()
                    .filter(s -> visit.mayRead(RoomBodies.JSON.readTree(s.statementJson()))).count();
            return json(new RoomBodies.RoomSummary(RoomBodies.RoomBody.of(visit.room()), visit.role(),
                    visit.scopes().stream().map(GrantScope::wireName).sorted().toList(),
                    RoomBodies.CheckpointBody.of(snapshot.checkpoint()), seen.reasons().size(), byKind,
                    visibleStatements));
        });
    }

    /** The room's entries in index order; {@code kind} filters (e.g. {@code calculation}), {@code after} pages. */
    @Get("/{roomId}/entries")
    public HttpResponse<?> entries(HttpRequest<?> request, String roomId, @Nullable @QueryValue String kind,
            @Nullable @QueryValue String after, @Nullable @QueryValue String limit)
            throws AuthException, TooManyRequestsException, LedgerException, IOException {
        return access.serve(request, roomId, GrantScope.ENTRIES, new RoomAccess.Resource("entries", kind), visit -> {
            RoomSnapshot snapshot = contents.snapshot(visit.room());
            int pageSize = boundedLimit(limit);
            long start = after == null || after.isEmpty() ? 0 : Params.nonNegative("after", after) + 1;
            List<RoomBodies.EntryItem> items = new ArrayList<>();
            boolean[] more = {false};
            VisitSelection seen = contents.visible(visit, snapshot.selection());
            SortedMap<Long, String> tail = seen.reasons().tailMap(start);
            List<Long> page = new ArrayList<>();
            for (long at : tail.keySet()) {
                if (kind != null && !kind.isEmpty() && !kind.equals(snapshot.selection().kinds().get(at))) {
                    continue;
                }
                if (page.size() == pageSize) {
                    more[0] = true;
                    break;
                }
                page.add(at);
            }
            contents.read(visit.room().logId(), page, e -> {
                items.add(new RoomBodies.EntryItem(e.index(), RoomBodies.hex(e.leafHash()), e.kind(), tail.get(e.index())));
                return true;
            });
            String next = more[0] ? "/rooms/" + roomId + "/entries?after=" + items.getLast().index() + "&limit=" + pageSize
                    + (kind == null || kind.isEmpty() ? "" : "&kind=" + kind) : null;
            return json(new RoomBodies.EntryPage(roomId, snapshot.checkpoint().treeSize(), items, next));
        });
    }

    /** One entry of the room with its inclusion proof against the room's checkpoint. */
    @Get("/{roomId}/entries/{index}")
    public HttpResponse<?> entry(HttpRequest<?> request, String roomId, String index)
            throws AuthException, TooManyRequestsException, LedgerException, IOException {
        return access.serve(request, roomId, GrantScope.ENTRIES, new RoomAccess.Resource("entry", index), visit -> {
            long at = Params.nonNegative("index", index);
            RoomSnapshot snapshot = contents.snapshot(visit.room());
            VisitSelection seen = contents.visible(visit, snapshot.selection());
            if (!seen.contains(at)) {
                throw new LedgerException(Problem.ENTRY_NOT_FOUND, "entry " + at + " is not in room " + roomId);
            }
            StoredEntry e = entry(visit.room(), at);
            return json(RoomBodies.EntryWithProof.of(visit.room(), e, seen.reasons().get(at),
                    snapshot.checkpoint(), reader.inclusion(visit.room().logId(), at, snapshot.checkpoint().treeSize())));
        });
    }

    /** The documents the room's anchors name; erased ones are listed with {@code erased: true}. */
    @Get("/{roomId}/documents")
    public HttpResponse<?> documents(HttpRequest<?> request, String roomId)
            throws AuthException, TooManyRequestsException, LedgerException, IOException {
        return access.serve(request, roomId, GrantScope.DOCUMENTS, new RoomAccess.Resource("documents", null), visit -> {
            RoomSelection selection = contents.snapshot(visit.room()).selection();
            VisitSelection seen = contents.visible(visit, selection);
            List<RoomBodies.DocumentItem> items = new ArrayList<>();
            List<Long> anchors = selection.ofKind(Kinds.DOCUMENT_ANCHOR).stream().filter(seen::contains).toList();
            contents.read(visit.room().logId(), anchors, e -> {
                if (e.kind().equals(Kinds.DOCUMENT_ANCHOR)) {
                    JsonNode record = recordOf(e);
                    String sha256 = record.path("sha256").asString();
                    items.add(new RoomBodies.DocumentItem(sha256, record.path("fileName").asString(null),
                            record.path("mediaType").asString(), record.path("sizeBytes").asLong(), e.index(),
                            !seen.documentSha256s().contains(sha256)));
                }
                return true;
            });
            return json(items);
        });
    }

    /**
     * A document of the room, re-hashed before the first byte is sent. An anchor of the room's log naming a digest the
     * log does not hold (another log's document) answers 404 like any document outside the room.
     */
    @Get(uri = "/{roomId}/documents/{sha256}", produces = MediaType.APPLICATION_OCTET_STREAM)
    public HttpResponse<?> document(HttpRequest<?> request, String roomId, String sha256)
            throws AuthException, TooManyRequestsException, LedgerException, IOException {
        return access.serve(request, roomId, GrantScope.DOCUMENTS, new RoomAccess.Resource("document", sha256), visit -> {
            if (!SHA256_HEX.matcher(sha256).matches() || !contents.visible(visit,
                    contents.snapshot(visit.room()).selection()).documentSha256s().contains(sha256)
                    || !held.holding(visit.room().logId(), sha256).map(DocumentHolding::readable).orElse(false)) {
                throw new LedgerException(Problem.DOCUMENT_NOT_FOUND, "no document " + sha256 + " is in room " + roomId);
            }
            return VerifiedDownload.of(documents, spoolDir, sha256);
        });
    }

    /** The statements the room covers; an importer sees those issued to it. */
    @Get("/{roomId}/statements")
    public HttpResponse<?> statements(HttpRequest<?> request, String roomId)
            throws AuthException, TooManyRequestsException, LedgerException, IOException {
        return access.serve(request, roomId, GrantScope.STATEMENTS, new RoomAccess.Resource("statements", null), visit -> {
            List<RoomBodies.StatementItem> items = new ArrayList<>();
            for (StoredStatement s : contents.snapshot(visit.room()).selection().statements()) {
                JsonNode statement = RoomBodies.JSON.readTree(s.statementJson());
                if (visit.mayRead(statement)) {
                    items.add(new RoomBodies.StatementItem(s.statementId(), statement.path("cnCode").asString(),
                            statement.path("period"), statement.at("/issued/recipient").asString(null), s.treeSize()));
                }
            }
            return json(items);
        });
    }

    /** The statement's JWS, its payload, the checkpoint it names and a consistency proof to the room's checkpoint. */
    @Get("/{roomId}/statements/{statementId}")
    public HttpResponse<?> statement(HttpRequest<?> request, String roomId, String statementId)
            throws AuthException, TooManyRequestsException, LedgerException, IOException {
        return access.serve(request, roomId, GrantScope.STATEMENTS, new RoomAccess.Resource("statement", statementId),
                visit -> {
                    RoomSnapshot snapshot = contents.snapshot(visit.room());
                    StoredStatement s = visibleStatement(visit, snapshot, statementId);
                    StoredCheckpoint madeUnder = checkpoints.bySize(s.logId(), s.treeSize()).orElseThrow(
                            () -> new SQLException("statement " + statementId + " names checkpoint " + s.treeSize()
                                    + ", which log " + s.logId() + " lacks"));
                    ConsistencyProof proof = reader.consistency(s.logId(), madeUnder.treeSize(),
                            snapshot.checkpoint().treeSize());
                    return json(new RoomBodies.StatementBody(roomId, s.statementId(), s.keyId(), s.jws(),
                            RoomBodies.JSON.readTree(s.statementJson()), RoomBodies.CheckpointBody.of(madeUnder),
                            RoomBodies.CheckpointBody.of(snapshot.checkpoint()), RoomBodies.ConsistencyBody.of(proof)));
                });
    }

    @Get(uri = "/{roomId}/statements/{statementId}/pdf", produces = "application/pdf")
    public HttpResponse<?> statementPdf(HttpRequest<?> request, String roomId, String statementId)
            throws AuthException, TooManyRequestsException, LedgerException, IOException {
        return access.serve(request, roomId, GrantScope.STATEMENTS,
                new RoomAccess.Resource("statement-pdf", statementId), visit -> {
                    StoredStatement s = visibleStatement(visit, contents.snapshot(visit.room()), statementId);
                    return HttpResponse.ok(s.pdf()).contentType(MediaType.of("application/pdf"))
                            .header("Content-Disposition", "inline; filename=\"" + statementId + ".pdf\"");
                });
    }

    /**
     * The room's evidence bundle (api-spec/BUNDLE.md) as a zip: exactly the room's entries with inclusion proofs,
     * their documents, and with {@code statement} one of the room's statements and the checkpoint it rests on.
     * Streamed as it is written, entries read a page at a time: no temporary files, memory flat whatever the room's size.
     */
    @Get(uri = "/{roomId}/bundle", produces = "application/zip")
    public HttpResponse<?> bundle(HttpRequest<?> request, String roomId, @Nullable @QueryValue String statement)
            throws AuthException, TooManyRequestsException, LedgerException, IOException {
        return access.serve(request, roomId, GrantScope.BUNDLE, new RoomAccess.Resource("bundle", statement), visit -> {
            RoomSnapshot snapshot = contents.snapshot(visit.room());
            BundledStatement bundled = null;
            if (statement != null && !statement.isEmpty()) {
                visibleStatement(visit, snapshot, statement);
                bundled = statements.statement(visit.room().logId(), statement);
            }
            VisitSelection visible = contents.visible(visit, snapshot.selection());
            LogInfo log = ledger.log(visit.room().logId());
            RoomIndexFiles index = roomIndex(visit.room());
            // the room takes every entry its scope keys list, and an importer's narrowed view drops only document
            // anchors, which are not indexed: the room coverage holds unless the index committed after the
            // room's checkpoint lists an entry the room's selection has not seen yet
            BundleExporter.PreparedBundle prepared = visible.indexes().containsAll(index.listedLeaves())
                    ? exporter.exportRoom(log, visible.indexes(), index, bundled)
                    : exporter.exportSelection(log, snapshot.checkpoint(), visible.indexes(), bundled);
            StreamedFile file = new StreamedFile(StreamedZip.of(prepared, "room " + roomId), MediaType.of("application/zip"));
            return HttpResponse.ok(file.attach(roomId + "-" + snapshot.checkpoint().treeSize() + ".zip"));
        });
    }

    /** The room's index files: the log's current index commitment and the map proofs of the room's scope. */
    private RoomIndexFiles roomIndex(RoomDefinition room) throws LedgerException {
        IndexCommitter.Commitment commitment = StoreException.wrapping(() -> indexCommitter.current(room.logId()));
        return RoomIndexFiles.of(commitment,
                StoreException.wrapping(() -> indexCommitter.checkpointCovering(room.logId(), commitment)), room.roomId(),
                room.installationId(), room.periodFrom(), room.periodTo());
    }

    /**
     * The room's access log: its {@code room-access} entries in log order, each with its leaf index and record. The
     * exporter's (a token reading the log): a party granted the room gets 403, and this request is logged too.
     */
    @Get("/{roomId}/access-log")
    public HttpResponse<?> accessLog(HttpRequest<?> request, String roomId, @Nullable @QueryValue String after,
            @Nullable @QueryValue String limit) throws AuthException, TooManyRequestsException, LedgerException, IOException {
        return access.serve(request, roomId, null, new RoomAccess.Resource("access-log", null), visit -> {
            if (visit.partyId() != null) {
                throw new AuthException(403, "the access log of room " + roomId + " is its exporter's; "
                        + visit.partyId() + " holds a grant, not the log's read scope");
            }
            int pageSize = boundedLimit(limit);
            long start = after == null || after.isEmpty() ? 0 : Params.nonNegative("after", after) + 1;
            long size = contents.snapshot(visit.room()).checkpoint().treeSize();
            List<RoomBodies.AccessItem> items = new ArrayList<>();
            boolean more = false;
            for (StoredEntry e : entries.ofKinds(visit.room().logId(), Set.of(RoomAccessRecord.KIND), size)) {
                if (e.index() < start) {
                    continue;
                }
                JsonNode record = recordOf(e);
                if (!roomId.equals(record.path("roomId").asString())) {
                    continue;
                }
                if (items.size() == pageSize) {
                    more = true;
                    break;
                }
                items.add(new RoomBodies.AccessItem(e.index(), RoomBodies.hex(e.leafHash()), record));
            }
            String next = more ? "/rooms/" + roomId + "/access-log?after=" + items.getLast().index() + "&limit=" + pageSize
                    : null;
            return json(new RoomBodies.AccessPage(roomId, size, items, next));
        });
    }

    private static StoredStatement visibleStatement(RoomVisit visit, RoomSnapshot snapshot, String statementId)
            throws LedgerException {
        for (StoredStatement s : snapshot.selection().statements()) {
            if (s.statementId().equals(statementId) && visit.mayRead(RoomBodies.JSON.readTree(s.statementJson()))) {
                return s;
            }
        }
        throw new LedgerException(Problem.STATEMENT_NOT_FOUND, "no statement " + statementId + " is in room "
                + visit.room().roomId() + (visit.importerParties().isEmpty() ? "" : " for " + visit.partyId()));
    }

    private static JsonNode recordOf(StoredEntry e) throws LedgerException {
        try {
            return Envelope.parse(e.envelope()).record();
        } catch (SignerException ex) {
            throw new LedgerException(Problem.MALFORMED_ENVELOPE, "entry " + e.index() + ": " + ex.getMessage(), ex);
        }
    }

    private StoredEntry entry(RoomDefinition room, long index) throws LedgerException {
        return StoreException.wrapping(() -> entries.byIndex(room.logId(), index)).orElseThrow(
                () -> new LedgerException(Problem.ENTRY_NOT_FOUND,
                "entry " + index + " of log " + room.logId() + " is missing"));
    }

    private static int boundedLimit(String value) throws LedgerException {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        long n = Params.nonNegative("limit", value);
        if (n < 1 || n > MAX_LIMIT) {
            throw new LedgerException(Problem.INVALID_PARAMETER, "limit must be from 1 to " + MAX_LIMIT + ", got " + value);
        }
        return (int) n;
    }

    private static HttpResponse<String> json(Object body) {
        return HttpResponse.<String>ok().contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(RoomBodies.JSON.writeValueAsString(body));
    }
}
