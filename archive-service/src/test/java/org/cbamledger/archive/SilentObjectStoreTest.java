package org.cbamledger.archive;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
