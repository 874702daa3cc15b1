package org.cbamledger.service.documents;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.cbamledger.archive.ArchiveException;
import org.cbamledger.archive.ContentExtractor;
import org.cbamledger.archive.DocumentArchive;
import org.cbamledger.archive.DocumentStatus;
import org.cbamledger.archive.EmbeddedS3Server;
import org.cbamledger.archive.S3ObjectStore;
import org.cbamledger.archive.S3Settings;

/**
 * The service's document archive: an {@link S3ObjectStore} on the configured endpoint, or on an
 * {@link EmbeddedS3Server} it starts itself when none is configured.
 */
public final class DocumentService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DocumentService.class.getName());

    private final EmbeddedS3Server embedded;
    private final S3ObjectStore store;
    private final DocumentArchive archive;

    private DocumentService(EmbeddedS3Server embedded, S3ObjectStore store, DocumentArchive archive) {
        this.embedded = embedded;
        this.store = store;
        this.archive = archive;
    }

    public static DocumentService open(ArchiveSettings settings, Clock clock) throws ArchiveException, IOException {
        Files.createDirectories(settings.spoolDir());
        EmbeddedS3Server embedded = null;
        S3Settings s3;
        if (settings.embedded()) {
            Files.createDirectories(settings.embeddedDir());
            embedded = EmbeddedS3Server.start(settings.embeddedDir(), settings.accessKey(), settings.secretKey(),
                    settings.embeddedPort());
            s3 = embedded.settings(settings.bucket());
        } else {
            s3 = S3Settings.of(URI.create(settings.endpoint()), settings.accessKey(), settings.secretKey(), settings.bucket());
        }
        try {
            S3ObjectStore store = S3ObjectStore.open(s3.withRetention(settings.retention())
                    .withTimeouts(settings.connectTimeout(), settings.readTimeout()));
            LOG.info("document archive on " + s3.endpoint() + " bucket " + settings.bucket() + ": "
                    + store.retentionStatus().detail());
            DocumentArchive archive = new DocumentArchive(store, new ContentExtractor(settings.maxTextChars()),
                    settings.spoolDir(), clock);
            return new DocumentService(embedded, store, archive);
        } catch (ArchiveException | RuntimeException e) {
            if (embedded != null) {
                embedded.stop();
            }
            throw e;
        }
    }

    public DocumentArchive archive() {
        return archive;
    }

    /** The embedded server, if this service started one (tests stop and restart it). */
    public Optional<EmbeddedS3Server> embeddedServer() {
        return Optional.ofNullable(embedded);
    }

    /**
     * The stored bytes exactly as the object store holds them, unverified: a bundle carries them as they
     * are so the verifier, not the exporter, judges them. Empty when absent.
     */
    public Optional<InputStream> rawContent(String sha256) throws ArchiveException {
        return store.get(DocumentArchive.contentKey(sha256));
    }

    public DocumentStatus status(String sha256) throws ArchiveException {
        return archive.status(sha256);
    }

    @Override
    public void close() throws ArchiveException {
        store.close();
        if (embedded != null) {
            embedded.stop();
        }
    }
}
