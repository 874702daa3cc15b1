package org.cbamledger.service.documents;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cbamledger.archive.ArchiveException;

/**
 * A document's bytes as a download, re-hashed before the first byte is sent: the blob is copied to the spool
 * directory and verified there, then streamed from disk. A missing, erased or tampered blob answers its problem
 * (404, 410, 500 naming the blob) and a store outage 503 with Retry-After.
 */
public final class VerifiedDownload {
    private VerifiedDownload() {}

    public static HttpResponse<?> of(DocumentService documents, Path spoolDir, String sha256) throws IOException {
        Path copy = Files.createTempFile(spoolDir, "download-", ".tmp");
        try {
            documents.archive().copyVerified(sha256, copy);
            long sizeBytes = Files.size(copy);
            // on Linux the name goes at once and the bytes when the response has streamed them
            InputStream in = Files.newInputStream(copy, StandardOpenOption.DELETE_ON_CLOSE);
            return HttpResponse.ok(new StreamedFile(in, MediaType.APPLICATION_OCTET_STREAM_TYPE, 0L, sizeBytes))
                    .header("Content-Disposition", "attachment; filename=\"" + sha256 + "\"");
        } catch (ArchiveException e) {
            Files.deleteIfExists(copy);
            return DocumentProblems.of(e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }
}
