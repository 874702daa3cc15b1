package org.cbamledger.archive;

import java.nio.file.Path;
import java.time.Clock;

/** A real S3Proxy on a temporary directory with a store and an archive on it. */
final class TestArchive implements AutoCloseable {
    static final String BUCKET = "documents";
    private static ContentExtractor sharedExtractor;

    final EmbeddedS3Server server;
    final S3ObjectStore store;
    final DocumentArchive archive;

    private TestArchive(EmbeddedS3Server server, S3ObjectStore store, DocumentArchive archive) {
        this.server = server;
        this.store = store;
        this.archive = archive;
    }

    static TestArchive start(Path directory) throws ArchiveException {
        EmbeddedS3Server server = EmbeddedS3Server.start(directory.resolve("s3"), "test-access", "test-secret-0123456789");
        S3ObjectStore store = S3ObjectStore.open(server.settings(BUCKET));
        DocumentArchive archive = new DocumentArchive(store, extractor(), directory.resolve("spool"), Clock.systemUTC());
        return new TestArchive(server, store, archive);
    }

    static synchronized ContentExtractor extractor() {
        if (sharedExtractor == null) {
            sharedExtractor = new ContentExtractor();
        }
        return sharedExtractor;
    }

    /** The file S3Proxy's filesystem store keeps an object in. */
    Path blobFile(String key) {
        return server.directory().resolve(BUCKET).resolve(key);
    }

    @Override
    public void close() throws ArchiveException {
        store.close();
        server.stop();
    }
}
