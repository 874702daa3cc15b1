package org.cbamledger.service.documents;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cbamledger.archive.ArchiveException;
import org.cbamledger.archive.ArchivedDocument;
import org.cbamledger.archive.DocumentErasedException;
import org.cbamledger.archive.DocumentErasure;
import org.cbamledger.archive.DocumentNotFoundException;
import org.cbamledger.archive.DocumentSubmission;
import org.cbamledger.archive.SupportRef;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Principal;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.problem.LedgerException;

/**
 * The document archive over HTTP. Upload and erasure return the unsigned {@code document-anchor} or
 * {@code document-erasure} record: the client signs it with its own key and appends it with
 * {@code POST /logs/{logId}/entries}; the service holds no party's key.
 */
@Controller("/logs/{logId}/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DocumentController {
    /** Set by the bearer token filter (http.BearerTokenFilter.PRINCIPAL). */
    private static final String PRINCIPAL_ATTRIBUTE = "cbam.principal";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Ledger ledger;
    private final DocumentService documents;
    private final LogDocuments held;
    private final Path spoolDir;

    DocumentController(Ledger ledger, DocumentService documents, LogDocuments held, ArchiveSettings settings) {
        this.ledger = ledger;
        this.documents = documents;
        this.held = held;
        this.spoolDir = settings.spoolDir();
    }

    /**
     * Streams the body into the archive. Query: {@code submitter} (party or key id, required),
     * {@code fileName}, {@code supports} (repeatable: a 64-hex leaf hash or a record reference).
     * 201 with the anchor record, whether or not these bytes were stored before, by this log or another: the answer
     * never tells whether another log holds a document. 410 when this log erased these bytes before.
     */
    @Post(consumes = MediaType.ALL)
    public HttpResponse<String> upload(HttpRequest<?> request, String logId, @Body InputStream body)
            throws AuthException, LedgerException, ArchiveException, IOException {
        RefusedUpload.holding(request);
        DocumentSubmission submission;
        try {
            principal(request).require(Scopes.submit(logId));
            ledger.log(logId);
            submission = submission(request);
        } catch (IllegalArgumentException e) {
            RefusedUpload.drain(request, body);
            return DocumentProblems.of("invalid-parameter", "Invalid parameter", 400, e.getMessage());
        } catch (AuthException | LedgerException | RuntimeException e) {
            RefusedUpload.drain(request, body);
            throw e;
        }
        ArchivedDocument archived;
        try (body) {
            archived = documents.archive().archive(body, submission, sha256 -> held.claim(logId, sha256));
        }
        return HttpResponse.<String>status(HttpStatus.CREATED)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new String(archived.anchor().toJsonBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static DocumentSubmission submission(HttpRequest<?> request) {
        List<SupportRef> supports = new ArrayList<>();
        for (String s : request.getParameters().getAll("supports")) {
            supports.add(SHA256_HEX.matcher(s).matches() ? SupportRef.leaf(s) : SupportRef.record(s));
        }
        return new DocumentSubmission(request.getParameters().getFirst("fileName"),
                request.getParameters().getFirst("submitter").orElse(""), supports);
    }

    /**
     * The document, re-hashed before the first byte is sent: a tampered blob answers 500 naming it. A document this
     * log does not hold answers 404 whoever else holds it; one this log erased, 410.
     */
    @Get(uri = "/{sha256}", produces = MediaType.APPLICATION_OCTET_STREAM)
    public HttpResponse<?> download(HttpRequest<?> request, String logId, String sha256)
            throws AuthException, LedgerException, ArchiveException, IOException {
        principal(request).require(Scopes.read(logId));
        ledger.log(logId);
        if (!SHA256_HEX.matcher(sha256).matches()) {
            return DocumentProblems.of("invalid-parameter", "Invalid parameter", 400,
                    "a document is named by 64 lowercase hex digits, got " + sha256);
        }
        Optional<DocumentHolding> holding = held.holding(logId, sha256);
        if (holding.isEmpty()) {
            return DocumentProblems.of(new DocumentNotFoundException(sha256));
        }
        if (holding.get().erasure().isPresent()) {
            return DocumentProblems.of(new DocumentErasedException(holding.get().erasure().get()));
        }
        return VerifiedDownload.of(documents, spoolDir, sha256);
    }

    /**
     * GDPR erasure of this log's document: the log's erasure record is kept and answered for the operator to sign;
     * the blob is deleted unless another log still holds it. {@code requestedBy} is the token's subject.
     */
    @Delete("/{sha256}")
    public HttpResponse<String> erase(HttpRequest<?> request, String logId, String sha256)
            throws AuthException, LedgerException, ArchiveException {
        Principal principal = principal(request);
        principal.require(Scopes.logAdmin(logId));
        ledger.log(logId);
        DocumentErasure erasure;
        try {
            if (!SHA256_HEX.matcher(sha256).matches()) {
                throw new IllegalArgumentException("a document is named by 64 lowercase hex digits, got " + sha256);
            }
            Optional<String> reason = request.getParameters().getFirst("reason");
            erasure = held.erase(logId, sha256, reason.orElse(""), principal.subject(), documents.archive());
        } catch (IllegalArgumentException e) {
            return DocumentProblems.of("invalid-parameter", "Invalid parameter", 400, e.getMessage());
        }
        return HttpResponse.<String>ok()
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new String(erasure.toJsonBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Principal principal(HttpRequest<?> request) throws AuthException {
        return request.getAttribute(PRINCIPAL_ATTRIBUTE, Principal.class)
                .orElseThrow(() -> new AuthException(401, "a bearer token is required"));
    }
}
