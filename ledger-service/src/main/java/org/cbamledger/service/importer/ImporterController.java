package org.cbamledger.service.importer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cbamledger.exchange.platform.CatenaXCbamAspect;
import org.cbamledger.exchange.platform.PactProductFootprint;
import org.cbamledger.exchange.template.CommunicationTemplateWriter;
import org.cbamledger.exchange.template.TemplateException;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Principal;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.db.Database;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.http.BearerTokenFilter;
import org.cbamledger.service.http.StrongEtag;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.log.ConsistencyProof;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.log.LogReader;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statements issued to the party of the token's {@code importer:<partyId>} scope. A statement issued to
 * anyone else answers 404 like one that does not exist, so a token learns nothing about other parties.
 */
@Controller("/importer/statements")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImporterController {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final String BASE = "/importer/statements";
    private static final JsonMapper JSON = JsonMappers.PLAIN;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImporterStatements statements;
    private final CheckpointStore checkpoints;
    private final LogReader reader;
    private final StatementRegistryIdentity registry;

    ImporterController(Database database, CheckpointStore checkpoints, LogReader reader, EntryStore entries) {
        this.statements = new ImporterStatements(database.dataSource());
        this.checkpoints = checkpoints;
        this.reader = reader;
        this.registry = new StatementRegistryIdentity(entries);
    }

    @Get
    public HttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String limit,
            @Nullable @QueryValue String cursor) throws AuthException, LedgerException {
        Set<String> parties = parties(request);
        int pageSize = limit(limit);
        StatementCursor after = cursor == null || cursor.isEmpty() ? null : StatementCursor.decode(cursor);
        // One more than asked tells whether a next page exists without a second query.
        List<ImporterStatement> found = StoreException.wrapping(() -> statements.list(parties, pageSize + 1, after));
        List<ImporterStatement> page = found.subList(0, Math.min(pageSize, found.size()));
        String next = found.size() > pageSize
                ? BASE + "?limit=" + pageSize + "&cursor=" + page.getLast().cursor().encode() : null;
        List<ListItem> items = page.stream().map(ListItem::of).toList();
        return tagged(request, JSON.writeValueAsBytes(new ListBody(items, next)), MediaType.APPLICATION_JSON_TYPE);
    }

    @Get("/{logId}/{statementId}")
    public HttpResponse<?> get(HttpRequest<?> request, String logId, String statementId)
            throws AuthException, LedgerException {
        StoredStatement s = find(request, logId, statementId);
        StoredCheckpoint madeUnder = StoreException.wrapping(() -> checkpoints.bySize(logId, s.treeSize())
                .orElseThrow(() -> new SQLException("statement " + statementId + " names checkpoint " + s.treeSize()
                        + ", which log " + logId + " lacks")));
        StoredCheckpoint latest = StoreException.wrapping(() -> checkpoints.latest(logId)).orElse(madeUnder);
        ConsistencyProof proof = StoreException.wrapping(() -> reader.consistency(logId, madeUnder.treeSize(), latest.treeSize()));
        Base64.Encoder b64 = Base64.getEncoder();
        StatementBody body = new StatementBody(s.logId(), s.statementId(), s.keyId(), s.jws(),
                JSON.readTree(s.statementJson()), CheckpointBody.of(madeUnder), CheckpointBody.of(latest),
                new ConsistencyBody(proof.from(), proof.to(), proof.hashes().stream().map(b64::encodeToString).toList()),
                Links.of(s.logId(), s.statementId()));
        return tagged(request, JSON.writeValueAsBytes(body), MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(uri = "/{logId}/{statementId}/pdf", produces = "application/pdf")
    public HttpResponse<?> pdf(HttpRequest<?> request, String logId, String statementId)
            throws AuthException, LedgerException {
        StoredStatement s = find(request, logId, statementId);
        MutableHttpResponse<?> response = tagged(request, s.pdf(), MediaType.of("application/pdf"));
        return response.getStatus() == HttpStatus.OK
                ? response.header("Content-Disposition", "inline; filename=\"" + statementId + ".pdf\"") : response;
    }

    /** The statement in the layout of the EU communication template v2.1.1 (exchange module): same statement, same bytes. */
    @Get(uri = "/{logId}/{statementId}/communication.xlsx", produces = XLSX)
    public HttpResponse<?> communicationTemplate(HttpRequest<?> request, String logId, String statementId)
            throws AuthException, LedgerException, TemplateException {
        StoredStatement s = find(request, logId, statementId);
        byte[] xlsx = CommunicationTemplateWriter.write(JSON.readTree(s.statementJson()), Optional.empty());
        MutableHttpResponse<?> response = tagged(request, xlsx, MediaType.of(XLSX));
        return response.getStatus() == HttpStatus.OK
                ? response.header("Content-Disposition", "attachment; filename=\"" + statementId + ".xlsx\"") : response;
    }

    /**
     * The Catena-X CBAM aspect (urn:samm:io.catenax.cbam:1.0.0) of the statement, with the O3CI ids and address of the
     * installation and party records where the log holds them.
     */
    @Get("/{logId}/{statementId}/catena-x")
    public HttpResponse<?> catenaX(HttpRequest<?> request, String logId, String statementId)
            throws AuthException, LedgerException {
        JsonNode statement = JSON.readTree(find(request, logId, statementId).statementJson());
        JsonNode aspect = CatenaXCbamAspect.build(statement, StoreException.wrapping(() -> registry.of(logId, statement)));
        return tagged(request, JSON.writeValueAsBytes(aspect), MediaType.APPLICATION_JSON_TYPE);
    }

    /** The statement as a WBCSD PACT v3 ProductFootprint. */
    @Get("/{logId}/{statementId}/pact")
    public HttpResponse<?> pact(HttpRequest<?> request, String logId, String statementId)
            throws AuthException, LedgerException {
        return export(request, logId, statementId, PactProductFootprint::build);
    }

    private HttpResponse<?> export(HttpRequest<?> request, String logId, String statementId, Function<JsonNode, JsonNode> format)
            throws AuthException, LedgerException {
        StoredStatement s = find(request, logId, statementId);
        return tagged(request, JSON.writeValueAsBytes(format.apply(JSON.readTree(s.statementJson()))), MediaType.APPLICATION_JSON_TYPE);
    }

    private StoredStatement find(HttpRequest<?> request, String logId, String statementId)
            throws AuthException, LedgerException {
        Set<String> parties = parties(request);
        return StoreException.wrapping(() -> statements.find(parties, logId, statementId)).orElseThrow(() -> new LedgerException(
                Problem.STATEMENT_NOT_FOUND, "no statement " + statementId + " in log " + logId + " is issued to "
                        + String.join(", ", parties)));
    }

    private static Set<String> parties(HttpRequest<?> request) throws AuthException {
        Principal principal = BearerTokenFilter.principal(request);
        Set<String> parties = principal.scopes().stream().map(Scopes::importerPartyOf).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
        if (parties.isEmpty()) {
            throw new AuthException(403, "token of " + principal.subject() + " lacks scope "
                    + Scopes.importer("<partyId>"));
        }
        return parties;
    }

    private static int limit(String value) throws LedgerException {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LedgerException(Problem.INVALID_PARAMETER, "limit must be an integer from 1 to " + MAX_LIMIT
                + ", got " + value);
    }

    private static MutableHttpResponse<?> tagged(HttpRequest<?> request, byte[] body, MediaType type) {
        String etag = StrongEtag.of(body);
        if (StrongEtag.matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), etag)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(body).contentType(type).header(HttpHeaders.ETAG, etag);
    }

    record Links(String self, String pdf) {
        static Links of(String logId, String statementId) {
            String self = BASE + "/" + encode(logId) + "/" + encode(statementId);
            return new Links(self, self + "/pdf");
        }

        private static String encode(String segment) {
            return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    record ListItem(String logId, String statementId, String cnCode, JsonNode period, String issuedAt, Links links) {
        static ListItem of(ImporterStatement s) {
            return new ListItem(s.logId(), s.statementId(), s.cnCode(),
                    s.periodJson() == null ? null : JSON.readTree(s.periodJson()), s.issuedAt(),
                    Links.of(s.logId(), s.statementId()));
        }
    }

    record ListBody(List<ListItem> items, String next) {}

    record CheckpointBody(long treeSize, String signedNote) {
        static CheckpointBody of(StoredCheckpoint c) {
            return new CheckpointBody(c.treeSize(), c.signedNote());
        }
    }

    record ConsistencyBody(long from, long to, List<String> hashes) {}

    record StatementBody(String logId, String statementId, String keyId, String jws, JsonNode statement,
            CheckpointBody checkpoint, CheckpointBody latestCheckpoint, ConsistencyBody consistency, Links links) {}
}
