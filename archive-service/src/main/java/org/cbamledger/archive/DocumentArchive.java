package org.cbamledger.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Content-addressed document archive on an {@link ObjectStore}.
 *
 * <ul>
 *   <li>Intake spools the upload to a local file while hashing it (the body is never held in memory),
 *       extracts it with Tika, stores it under {@code sha256/<hex>} unless already there, and returns a
 *       {@code document-anchor} record for the caller to sign and append.
 *   <li>Every read re-hashes the bytes; a mismatch fails at end of stream, naming the tampered blob.
 *   <li>Erasure writes a marker {@code erased/<hex>} holding the {@code document-erasure} record, then
 *       deletes the blob; a crash in between leaves the document reported erased, and erasing again
 *       finishes the deletion.
 * </ul>
 */
public final class DocumentArchive {
    private static final int COPY_BUFFER_BYTES = 64 * 1024;

    private final ObjectStore store;
    private final ContentExtractor extractor;
    private final Path spoolDirectory;
    private final Clock clock;

    /** @param spoolDirectory where uploads are staged; needs free space for the largest upload */
    public DocumentArchive(ObjectStore store, ContentExtractor extractor, Path spoolDirectory, Clock clock) {
        this.store = store;
        this.extractor = extractor;
        this.spoolDirectory = spoolDirectory;
        this.clock = clock;
    }

    public static String contentKey(String sha256) {
        return "sha256/" + Sha256Hex.require(sha256);
    }

    static String erasureKey(String sha256) {
        return "erased/" + Sha256Hex.require(sha256);
    }

    /**
     * Archives the stream. Idempotent: the same bytes give the same key and are stored once.
     *
     * @throws IOException reading the upload or writing the spool file failed
     * @throws DocumentErasedException this content was erased and is not taken back
     * @throws ObjectStoreUnavailableException the object store is down; nothing was stored
     */
    public ArchivedDocument archive(InputStream content, DocumentSubmission submission)
            throws ArchiveException, IOException {
        return archive(content, submission, DocumentClaim.NONE);
    }

    /**
     * Archives the stream as {@link #archive(InputStream, DocumentSubmission)} does, calling {@code claim} with the
     * digest after spooling and before the blob is stored: a claim that throws stores nothing.
     */
    public <E extends Exception> ArchivedDocument archive(InputStream content, DocumentSubmission submission,
            DocumentClaim<E> claim) throws ArchiveException, IOException, E {
        try (SpooledUpload upload = SpooledUpload.spool(content, spoolDirectory)) {
            Optional<DocumentErasure> erased = erasure(upload.sha256());
            if (erased.isPresent()) {
                throw new DocumentErasedException(erased.get());
            }
            claim.claim(upload.sha256());
            Extraction extraction = extractor.extract(upload.file(), submission.fileName().orElse(null));
            boolean stored;
            try (InputStream in = Files.newInputStream(upload.file())) {
                stored = store.putIfAbsent(contentKey(upload.sha256()), in, upload.sizeBytes(), extraction.mediaType());
            }
            DocumentAnchor anchor = new DocumentAnchor(
                    upload.sha256(),
                    upload.sizeBytes(),
                    extraction.mediaType(),
                    extraction.textSha256(),
                    extraction.textChars(),
                    extraction.textTruncated(),
                    ContentExtractor.NAME,
                    extraction.metadata(),
                    submission.fileName(),
                    submission.submitter(),
                    submission.supports(),
                    clock.instant());
            return new ArchivedDocument(anchor, stored);
        }
    }

    /**
     * Opens the document for a streamed read. The stream throws {@link TamperedBlobIOException} at end of
     * stream if the bytes do not hash to {@code sha256}: a caller must read to end of stream before it
     * treats the content as good (or use {@link #copyVerified}).
     */
    public InputStream open(String sha256) throws ArchiveException {
        Optional<DocumentErasure> erased = erasure(sha256);
        if (erased.isPresent()) {
            throw new DocumentErasedException(erased.get());
        }
        Optional<InputStream> blob = store.get(contentKey(sha256));
        if (blob.isEmpty()) {
            throw new DocumentNotFoundException(sha256);
        }
        return new VerifyingInputStream(blob.get(), sha256);
    }

    /**
     * Copies the document into {@code target} and returns only once its hash is verified; on a mismatch
     * the target file is deleted and {@link DocumentTamperedException} names the blob.
     *
     * @throws IOException writing the target failed
     */
    public void copyVerified(String sha256, Path target) throws ArchiveException, IOException {
        try (InputStream in = open(sha256); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[COPY_BUFFER_BYTES];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (TamperedBlobIOException e) {
                    throw e.tampered();
                } catch (IOException e) {
                    throw new ObjectStoreUnavailableException("object store failed while reading document " + sha256, e);
                }
                if (n == -1) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (ArchiveException | IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }

    public DocumentStatus status(String sha256) throws ArchiveException {
        if (erasure(sha256).isPresent()) {
            return DocumentStatus.ERASED;
        }
        return store.stat(contentKey(sha256)).isPresent() ? DocumentStatus.STORED : DocumentStatus.ABSENT;
    }

    public Optional<DocumentErasure> erasure(String sha256) throws ArchiveException {
        Optional<InputStream> marker = store.get(erasureKey(sha256));
        if (marker.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = marker.get()) {
            return Optional.of(DocumentErasure.fromJson(in.readAllBytes()));
        } catch (IOException e) {
            throw new ObjectStoreUnavailableException("object store failed while reading erasure of " + sha256, e);
        }
    }

    /**
     * Erases the document's blob (GDPR) and returns the {@code document-erasure} record for the caller to
     * sign and append. Erasing an erased document returns the first erasure record.
     *
     * @throws DocumentNotFoundException no such document was ever archived
     */
    public DocumentErasure erase(String sha256, String reason, String requestedBy) throws ArchiveException {
        Optional<DocumentErasure> earlier = erasure(sha256);
        if (earlier.isEmpty() && store.stat(contentKey(sha256)).isEmpty()) {
            throw new DocumentNotFoundException(sha256);
        }
        DocumentErasure erasure = earlier.orElse(new DocumentErasure(sha256, reason, requestedBy, clock.instant()));
        if (earlier.isEmpty()) {
            byte[] marker = erasure.toJsonBytes();
            if (!store.putIfAbsent(erasureKey(sha256), new ByteArrayInputStream(marker), marker.length, "application/json")) {
                // a concurrent erasure won: report the record it wrote
                erasure = erasure(sha256).orElse(erasure);
            }
        }
        store.delete(contentKey(sha256));
        return erasure;
    }

    /**
     * Deletes the blob and writes no erasure marker: for a caller that keeps erasures itself, per holder (the
     * ledger service per log), and deletes the blob when its last holder erased it.
     */
    public void deleteContent(String sha256) throws ArchiveException {
        store.delete(contentKey(sha256));
    }
}
