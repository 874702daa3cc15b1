package org.cbamledger.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cbamledger.signer.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutageTest {
    @TempDir
    Path directory;

    TestArchive s3;

    @BeforeEach
    void start() throws ArchiveException {
        s3 = TestArchive.start(directory);
    }

    @AfterEach
    void stop() throws ArchiveException {
        s3.close();
    }

    @Test
    void archive_whileTheServerIsDown_failsFast_andWorksAfterRestart() throws Exception {
        byte[] body = "PPA settlement statement, March 2026".getBytes(StandardCharsets.UTF_8);
        s3.server.stop();

        long startNanos = System.nanoTime();
        ObjectStoreUnavailableException e =
                assertThrows(ObjectStoreUnavailableException.class, () -> archive(body));
        long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;

        assertTrue(elapsedMillis < 5_000, "took " + elapsedMillis + " ms");
        assertTrue(e.getMessage().startsWith("object store " + s3.server.endpoint() + " is unavailable: "), e.getMessage());
        s3.server.restart();
        ArchivedDocument archived = archive(body);
        assertTrue(archived.newlyStored());
        assertEquals(DocumentStatus.STORED, s3.archive.status(Sha256.hex(body)));
    }

    @Test
    void requests_afterTheServerRestarted_doNotFailOnConnectionsItClosed() throws Exception {
        byte[] body = "fuel record, diesel 3.2 t".getBytes(StandardCharsets.UTF_8);
        String sha256 = archive(body).anchor().sha256();
        s3.server.stop();
        s3.server.restart();

        assertEquals(DocumentStatus.STORED, s3.archive.status(sha256));
    }

    @Test
    void read_whileTheServerIsDown_isUnavailable_notNotFound() throws Exception {
        byte[] body = "GO certificate GO-RS-2026-000123".getBytes(StandardCharsets.UTF_8);
        String sha256 = archive(body).anchor().sha256();
        s3.server.stop();

        assertThrows(ObjectStoreUnavailableException.class, () -> s3.archive.open(sha256));
        assertThrows(ObjectStoreUnavailableException.class, () -> s3.archive.status(sha256));
    }

    @Test
    void serverStoppedDuringASinglePartUpload_leavesNothingUnderTheKey() throws Exception {
        assertNothingVisibleAfterStopDuringUpload(10L * 1024 * 1024, 4L * 1024 * 1024);
    }

    @Test
    void serverStoppedDuringAMultipartUpload_leavesNothingUnderTheKey() throws Exception {
        long sizeBytes = 3 * S3ObjectStore.PART_SIZE_BYTES + 1024;
        assertNothingVisibleAfterStopDuringUpload(sizeBytes, S3ObjectStore.PART_SIZE_BYTES + 1024 * 1024);
    }

    private void assertNothingVisibleAfterStopDuringUpload(long sizeBytes, long stopAfterBytes) throws Exception {
        String key = "sha256/" + Sha256.hex(("interrupted " + sizeBytes).getBytes(StandardCharsets.UTF_8));
        InputStream body = new StopServerMidStream(sizeBytes, stopAfterBytes, s3.server);

        assertThrows(ObjectStoreUnavailableException.class,
                () -> s3.store.putIfAbsent(key, body, sizeBytes, "application/octet-stream"));

        s3.server.restart();
        assertEquals(Optional.empty(), s3.store.stat(key));
        assertFalse(Files.exists(s3.blobFile(key)));
    }

    private ArchivedDocument archive(byte[] body) throws Exception {
        return s3.archive.archive(new ByteArrayInputStream(body),
                new DocumentSubmission(Optional.of("settlement.txt"), "party:supplier-rs", List.of()));
    }

    /** A body that stops the S3 server once part of it has been read, then supplies the rest. */
    private static final class StopServerMidStream extends InputStream {
        private final long sizeBytes;
        private final long stopAfterBytes;
        private final EmbeddedS3Server server;
        private long position;
        private boolean stopped;

        StopServerMidStream(long sizeBytes, long stopAfterBytes, EmbeddedS3Server server) {
            this.sizeBytes = sizeBytes;
            this.stopAfterBytes = stopAfterBytes;
            this.server = server;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= sizeBytes) {
                return -1;
            }
            if (position >= stopAfterBytes && !stopped) {
                stopped = true;
                // from another thread: Jetty's graceful stop may wait for the request this body feeds
                CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
                    try {
                        server.stop();
                    } catch (ArchiveException e) {
                        throw new IllegalStateException(e);
                    }
                });
                try {
                    stopping.get(3, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    throw new IllegalStateException("stopping the S3 server failed", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int n = (int) Math.min(length, sizeBytes - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) (position + i);
            }
            position += n;
            return n;
        }
    }
}
