package org.cbamledger.service.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.log.LogReader;
import org.cbamledger.service.problem.Problem;

@Controller("/logs/{logId}/proofs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProofController {
    private final Ledger ledger;
    private final LogReader reader;

    ProofController(Ledger ledger, LogReader reader) {
        this.ledger = ledger;
        this.reader = reader;
    }

    @Get("/inclusion")
    public HttpResponse<String> inclusion(HttpRequest<?> request, String logId,
            @Nullable @QueryValue String index, @Nullable @QueryValue String treeSize)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.read(logId));
        ledger.log(logId);
        return Json.response(HttpStatus.OK, Bodies.InclusionBody.of(StoreException.wrapping(() -> reader.inclusion(logId,
                Params.nonNegative("index", required("index", index)),
                Params.nonNegative("treeSize", required("treeSize", treeSize))))));
    }

    @Get("/consistency")
    public HttpResponse<String> consistency(HttpRequest<?> request, String logId,
            @Nullable @QueryValue String from, @Nullable @QueryValue String to)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.read(logId));
        ledger.log(logId);
        return Json.response(HttpStatus.OK, Bodies.ConsistencyBody.of(StoreException.wrapping(() -> reader.consistency(logId,
                Params.nonNegative("from", required("from", from)), Params.nonNegative("to", required("to", to))))));
    }

    private static String required(String name, String value) throws LedgerException {
        if (value == null) {
            throw new LedgerException(Problem.INVALID_PARAMETER, "query parameter " + name + " is required");
        }
        return value;
    }
}
