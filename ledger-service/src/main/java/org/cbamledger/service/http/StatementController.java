package org.cbamledger.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.statement.StatementIntake;
import org.cbamledger.service.statement.StatementStore;
import org.cbamledger.service.statement.StoredStatement;
import tools.jackson.databind.JsonNode;

@Controller("/logs/{logId}/statements")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatementController {
    private final Ledger ledger;
    private final StatementIntake intake;
    private final StatementStore statements;

    StatementController(Ledger ledger, StatementIntake intake, StatementStore statements) {
        this.ledger = ledger;
        this.intake = intake;
        this.statements = statements;
    }

    /** Body {@code {"jws": "<compact JWS>"}}: 201 stored, 200 the same statement again. */
    @Post
    public HttpResponse<String> submit(HttpRequest<?> request, String logId, @Body byte[] body)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.submit(logId));
        ledger.log(logId);
        JsonNode json = RequestJson.tree(body, Problem.INVALID_STATEMENT, "body");
        JsonNode jws = json.get("jws");
        if (!json.isObject() || jws == null || !jws.isString()) {
            throw new LedgerException(Problem.INVALID_STATEMENT, "body must be {\"jws\": \"<compact JWS>\"}");
        }
        StatementIntake.Accepted accepted = intake.accept(logId, jws.asString());
        return Json.response(accepted.created() ? HttpStatus.CREATED : HttpStatus.OK, StatementBody.of(accepted.statement()));
    }

    @Get("/{statementId}")
    public HttpResponse<String> get(HttpRequest<?> request, String logId, String statementId)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.read(logId));
        return Json.response(HttpStatus.OK, StatementBody.of(find(logId, statementId)));
    }

    @Get(uri = "/{statementId}/pdf", produces = "application/pdf")
    public HttpResponse<byte[]> pdf(HttpRequest<?> request, String logId, String statementId)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.read(logId));
        StoredStatement statement = find(logId, statementId);
        return HttpResponse.ok(statement.pdf()).contentType(MediaType.of("application/pdf"))
                .header("Content-Disposition", "inline; filename=\"" + statementId + ".pdf\"");
    }

    private StoredStatement find(String logId, String statementId) throws LedgerException {
        ledger.log(logId);
        return statements.find(logId, statementId).orElseThrow(() -> new LedgerException(Problem.STATEMENT_NOT_FOUND,
                "log " + logId + " holds no statement " + statementId));
    }

    record StatementBody(String logId, String statementId, String keyId, long treeSize, String jws, JsonNode statement) {
        static StatementBody of(StoredStatement s) {
            return new StatementBody(s.logId(), s.statementId(), s.keyId(), s.treeSize(), s.jws(),
                    Json.tree(s.statementJson()));
        }
    }
}
