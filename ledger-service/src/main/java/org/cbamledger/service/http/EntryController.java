package org.cbamledger.service.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.log.LogReader;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.log.Receipt;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.log.SubmissionValidator;
import org.cbamledger.signer.Envelope;
import tools.jackson.databind.JsonNode;

@Controller("/logs/{logId}/entries")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EntryController {
    /** CONTRACTS.md: {@code ?wait=true} waits at most 10 s for a covering checkpoint. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);
    private static final long SEQUENCING_TIMEOUT_SECONDS = 30;

    private final Ledger ledger;
    private final LogReader reader;

    EntryController(Ledger ledger, LogReader reader) {
        this.ledger = ledger;
        this.reader = reader;
    }

    @Post
    public HttpResponse<String> submit(HttpRequest<?> request, String logId, @Body byte[] body,
            @Nullable @QueryValue String wait) throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.submit(logId));
        Receipt receipt = sequence(logId, List.of(body)).getFirst();
        Bodies.ReceiptBody answer = Bodies.ReceiptBody.of(receipt);
        if ("true".equals(wait)) {
            answer = withInclusion(logId, receipt, answer);
        }
        return Json.response(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK, answer);
    }

    /** A JSON array of envelopes, sequenced all or nothing. */
    @Post("/batch")
    public HttpResponse<byte[]> submitBatch(HttpRequest<?> request, String logId, @Body byte[] body,
            @Nullable @QueryValue String wait) throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.submit(logId));
        List<Envelope> canonical = CanonicalBatch.read(body);
        List<Receipt> receipts = awaitReceipts(StoreException.wrapping(() -> canonical != null
                ? ledger.submitCanonical(logId, canonical)
                : ledger.submitParsed(logId, elements(body))));
        List<Bodies.ReceiptBody> answers = new ArrayList<>();
        for (Receipt receipt : receipts) {
            Bodies.ReceiptBody answer = Bodies.ReceiptBody.of(receipt);
            answers.add("true".equals(wait) ? withInclusion(logId, receipt, answer) : answer);
        }
        boolean created = receipts.stream().anyMatch(Receipt::created);
        // written once as UTF-8 bytes: a String body is encoded again char by char into the response buffer
        return Json.bytes(created ? HttpStatus.CREATED : HttpStatus.OK, answers);
    }

    /** Each envelope goes on as the tree parsed here: parsed, canonicalised and checked once. */
    private static List<JsonNode> elements(byte[] body) throws LedgerException {
        JsonNode array = RequestJson.tree(body, Problem.MALFORMED_ENVELOPE, "batch body");
        if (!array.isArray() || array.isEmpty()) {
            throw new LedgerException(Problem.MALFORMED_ENVELOPE, "batch body must be a non-empty JSON array of envelopes");
        }
        List<JsonNode> envelopes = new ArrayList<>(array.size());
        array.values().forEach(envelopes::add);
        return envelopes;
    }

    @Get("/{index}")
    public HttpResponse<String> byIndex(HttpRequest<?> request, String logId, String index)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.read(logId));
        ledger.log(logId);
        return Json.response(HttpStatus.OK,
                Bodies.EntryBody.of(logId, StoreException.wrapping(
                        () -> reader.entry(logId, Params.nonNegative("index", index)))));
    }

    @Get("/by-hash/{leafHashHex}")
    public HttpResponse<String> byHash(HttpRequest<?> request, String logId, String leafHashHex)
            throws AuthException, LedgerException {
        BearerTokenFilter.principal(request).require(Scopes.read(logId));
        ledger.log(logId);
        return Json.response(HttpStatus.OK,
                Bodies.EntryBody.of(logId, StoreException.wrapping(
                        () -> reader.entryByLeafHash(logId, Params.sha256Hex("leafHashHex", leafHashHex)))));
    }

    private List<Receipt> sequence(String logId, List<byte[]> envelopes) throws LedgerException {
        for (byte[] envelope : envelopes) {
            if (envelope.length > SubmissionValidator.MAX_ENTRY_BYTES) {
                throw new LedgerException(Problem.ENTRY_TOO_LARGE, "entry of " + envelope.length
                        + " bytes exceeds the limit of " + SubmissionValidator.MAX_ENTRY_BYTES + " bytes");
            }
        }
        return awaitReceipts(StoreException.wrapping(() -> ledger.submit(logId, envelopes)));
    }

    private static List<Receipt> awaitReceipts(CompletableFuture<List<Receipt>> sequenced) throws LedgerException {
        try {
            return sequenced.get(SEQUENCING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LedgerException le) {
                throw le;
            }
            throw new LedgerException(Problem.UNAVAILABLE, "sequencing failed", e.getCause());
        } catch (TimeoutException e) {
            throw new LedgerException(Problem.UNAVAILABLE, "sequencing did not finish within "
                    + SEQUENCING_TIMEOUT_SECONDS + " s; the entry may still be appended, resubmit to get its receipt");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException(Problem.UNAVAILABLE, "interrupted while sequencing");
        }
    }

    private Bodies.ReceiptBody withInclusion(String logId, Receipt receipt, Bodies.ReceiptBody answer)
            throws LedgerException {
        try {
            Optional<StoredCheckpoint> checkpoint = ledger.awaitCheckpoint(logId, receipt.index() + 1, MAX_WAIT);
            if (checkpoint.isEmpty()) {
                return answer;
            }
            return answer.withInclusion(checkpoint.get().signedNote(),
                    reader.inclusion(logId, receipt.index(), checkpoint.get().treeSize()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return answer;
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }
}
