package org.cbamledger.archive;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 5: an object store that takes the connection and never answers must not hold a request for a
 * minute; the read timeout (a few seconds by default) ends it as unavailable, which the service answers 503.
 */
class SilentObjectStoreTest {

    @Test
    void storeThatAcceptsAndNeverAnswers_isUnavailableWithinTheReadTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // read nothing, write nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            S3Settings settings = S3Settings.of(URI.create("http://127.0.0.1:" + silent.getLocalPort()), "key",
                    "secret-key-of-eight", "silent-bucket");
            long startNanos = System.nanoTime();
            ObjectStoreUnavailableException e = assertThrows(ObjectStoreUnavailableException.class,
                    () -> S3ObjectStore.open(settings).close());
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            assertTrue(took.compareTo(S3Settings.DEFAULT_READ_WRITE_TIMEOUT.multipliedBy(3)) < 0, "took " + took);
            assertTrue(took.compareTo(S3Settings.DEFAULT_READ_WRITE_TIMEOUT.minusMillis(500)) > 0,
                    "failed before the read timeout, so not for want of an answer: " + took + ", " + e);
            assertTrue(e.getMessage().contains("is unavailable"), e.getMessage());
            assertTrue(!held.isEmpty(), "the store took the connection");
            silent.close();
            acceptor.join();
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void uploadToAStoreThatStopsAnswering_failsAsUnavailableWithinTheReadTimeout(@TempDir Path directory)
            throws Exception {
        EmbeddedS3Server server = EmbeddedS3Server.start(directory.resolve("s3"), "test-access", "test-secret-0123456789");
        S3Settings real = server.settings(TestArchive.BUCKET);
        try (SilencingRelay relay = new SilencingRelay(real.endpoint());
                S3ObjectStore store = S3ObjectStore.open(new S3Settings(relay.endpoint(), real.accessKey(),
                        real.secretKey(), real.bucket(), real.region(), real.retention(), real.connectTimeout(),
                        real.readWriteTimeout()))) {
            DocumentArchive archive = new DocumentArchive(store, TestArchive.extractor(), directory.resolve("spool"),
                    Clock.systemUTC());
            relay.silence();
            long startNanos = System.nanoTime();
            assertThrows(ObjectStoreUnavailableException.class, () -> archive.archive(
                    new ByteArrayInputStream("meter export, March 2026".getBytes(StandardCharsets.UTF_8)),
                    new DocumentSubmission(Optional.of("export.csv"), "party:exporter-rs", List.of())));
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            assertTrue(took.compareTo(S3Settings.DEFAULT_READ_WRITE_TIMEOUT.multipliedBy(3)) < 0, "took " + took);
            assertTrue(took.compareTo(S3Settings.DEFAULT_READ_WRITE_TIMEOUT.minusMillis(500)) > 0,
                    "failed before the read timeout, so not for want of an answer: " + took);
        } finally {
            server.stop();
        }
    }
}
