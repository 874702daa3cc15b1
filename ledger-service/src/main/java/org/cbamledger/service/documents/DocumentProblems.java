package org.cbamledger.service.documents;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.cbamledger.archive.ArchiveException;
import org.cbamledger.archive.DocumentErasedException;
import org.cbamledger.archive.DocumentNotFoundException;
import org.cbamledger.archive.DocumentTamperedException;
import org.cbamledger.archive.ObjectStoreUnavailableException;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code application/problem+json} for the archive's exceptions (CONTRACTS.md error shape). */
final class DocumentProblems {
    static final String RETRY_AFTER_SECONDS = "5";
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    private DocumentProblems() {}

    static MutableHttpResponse<String> of(ArchiveException e) {
        return switch (e) {
            case ObjectStoreUnavailableException u -> of("object-store-unavailable", "Object store unavailable", 503,
                    u.getMessage()).header("Retry-After", RETRY_AFTER_SECONDS);
            case DocumentNotFoundException n -> of("document-not-found", "Document not found", 404, n.getMessage());
            case DocumentErasedException x -> of("document-erased", "Document erased", 410, x.getMessage());
            // the detail names the blob (its key and what it hashes to), never its bytes
            case DocumentTamperedException t -> of("document-tampered", "Stored document is tampered", 500, t.getMessage());
            default -> of("archive-failure", "Document archive failure", 500, e.getMessage());
        };
    }

    static MutableHttpResponse<String> of(String slug, String title, int status, String detail) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", "https://cbam-ledger.org/problems/" + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return HttpResponse.<String>status(HttpStatus.valueOf(status))
                .contentType("application/problem+json")
                .body(JSON.writeValueAsString(body));
    }
}
