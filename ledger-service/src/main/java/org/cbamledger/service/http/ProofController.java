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
import jakarta.inject.Named;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.log.InclusionProof;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.log.LogReader;
import org.cbamledger.service.problem.Problem;

/**
 * Inclusion and consistency proofs. An inclusion proof that needs no database read (the tree and its tiles cached) is
 * answered on the event loop, skipping the hop to a blocking thread that would otherwise cost more than the proof;
 * any other is computed on a blocking thread, so the event loop never waits on the database.
 */
@Controller("/logs/{logId}/proofs")
public class ProofController {
    private final Ledger ledger;
    private final LogReader reader;
    private final ExecutorService blocking;

    ProofController(Ledger ledger, LogReader reader, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.ledger = ledger;
        this.reader = reader;
        this.blocking = blocking;
    }

    @Get("/inclusion")
    public CompletableFuture<HttpResponse<byte[]>> inclusion(HttpRequest<?> request, String logId,
            @Nullable @QueryValue String index, @Nullable @QueryValue String treeSize)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.read(logId));
        if (ledger.openLog(logId).isPresent()) {
            Optional<InclusionProof> cached = reader.cachedInclusion(logId, nonNegative("index", index),
                    nonNegative("treeSize", treeSize));
            if (cached.isPresent()) {
                return CompletableFuture.completedFuture(inclusionResponse(cached.get()));
            }
        }
        // completed with the exception itself (not a CompletionException), so the exception handlers map it as before
        CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
        blocking.execute(() -> {
            try {
                ledger.log(logId);
                answer.complete(inclusionResponse(StoreException.wrapping(() -> reader.inclusion(logId,
                        nonNegative("index", index), nonNegative("treeSize", treeSize)))));
            } catch (LedgerException | RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private static HttpResponse<byte[]> inclusionResponse(InclusionProof proof) {
        return Json.bytes(HttpStatus.OK, Bodies.InclusionBody.of(proof));
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/consistency")
    public HttpResponse<String> consistency(HttpRequest<?> request, String logId,
            @Nullable @QueryValue String from, @Nullable @QueryValue String to)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.read(logId));
        ledger.log(logId);
        return Json.response(HttpStatus.OK, Bodies.ConsistencyBody.of(StoreException.wrapping(() -> reader.consistency(
                logId, nonNegative("from", from), nonNegative("to", to)))));
    }

    private static long nonNegative(String name, String value) throws LedgerException {
        return Params.nonNegative(name, required(name, value));
    }

    private static String required(String name, String value) throws LedgerException {
        if (value == null) {
            throw new LedgerException(Problem.INVALID_PARAMETER, "query parameter " + name + " is required");
        }
        return value;
    }
}
