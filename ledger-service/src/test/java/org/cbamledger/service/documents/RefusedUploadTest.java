package org.cbamledger.service.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A refused upload's body is dropped so its client reads the answer, but within bounds: a body that ends keeps the
 * connection; one beyond 64 MiB, or one still arriving at the deadline, is left to close it.
 */
class RefusedUploadTest {
    /** A body of {@code totalBytes} arriving {@code chunkBytes} at a time, each after {@code pauseMillis}. */
    private static final class ArrivingBody extends InputStream {
        private final long totalBytes;
        private final int chunkBytes;
        private final long pauseMillis;
        private long sent;

        ArrivingBody(long totalBytes, int chunkBytes, long pauseMillis) {
            this.totalBytes = totalBytes;
            this.chunkBytes = chunkBytes;
            this.pauseMillis = pauseMillis;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read in chunks");
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (sent == totalBytes) {
                return -1;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int n = (int) Math.min(Math.min(length, chunkBytes), totalBytes - sent);
            sent += n;
            return n;
        }
    }

    private static HttpRequest<?> heldUpload() {
        HttpRequest<?> request = HttpRequest.POST("/logs/acme/documents", "");
        RefusedUpload.holding(request);
        return request;
    }

    private static boolean bodyLeftUnread(HttpRequest<?> request) {
        return request.getAttribute(RefusedUpload.BODY_LEFT_UNREAD, Boolean.class).orElse(false);
    }

    @Test
    void aBodyThatEnds_isDroppedWhole_andTheConnectionKept() {
        HttpRequest<?> request = heldUpload();
        InputStream body = new ByteArrayInputStream(new byte[3 * 1024 * 1024]);

        RefusedUpload.drain(request, body);

        assertFalse(bodyLeftUnread(request));
    }

    @Test
    void aBodyBeyond64MiB_isDroppedTo64MiB_andLeftToCloseTheConnection() {
        HttpRequest<?> request = heldUpload();
        ArrivingBody body = new ArrivingBody(RefusedUpload.DRAIN_MAX_BYTES + 1, 64 * 1024, 0);

        RefusedUpload.drain(request, body);

        assertEquals(RefusedUpload.DRAIN_MAX_BYTES, body.sent);
        assertTrue(bodyLeftUnread(request));
    }

    @Test
    void aSlowSender_holdsTheThreadOnlyUntilTheDeadline() {
        HttpRequest<?> request = heldUpload();
        ArrivingBody body = new ArrivingBody(10L * 1024 * 1024, 1024, 20);

        long started = System.nanoTime();
        RefusedUpload.drain(request, body, Duration.ofMillis(300));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(body.sent < 10L * 1024 * 1024, "stopped before the body's end: " + body.sent + " bytes");
        assertTrue(tookMillis < 5_000, "returned soon after its deadline, not after the body's 200 s: " + tookMillis);
        assertTrue(bodyLeftUnread(request), "the rest is left unread: the connection closes after the answer");
    }
}
