package org.cbamledger.service.documents;

import io.micronaut.http.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * An upload refused before its body was read (a missing scope, an unknown log, a bad parameter): the body is read and
 * dropped, up to {@link #DRAIN_MAX_BYTES}, before the answer. An answer that leaves body bytes unread closes the
 * connection (http.RequestSizeFilter), and closing a socket with unread bytes resets it: a client still sending its
 * body would see the reset instead of the answer. So only a body beyond the bound is left unread, and only its client
 * may see the reset. The server answers {@code Expect: 100-continue} before the controller runs, so a client that
 * asks first sends its body too, and it is dropped the same way. Dropping stops after {@link #DRAIN_MAX_SECONDS}
 * too, whatever was dropped: a refused caller sending slowly holds a worker thread for that long at most (and for one
 * blocked read at most, which the server's idle timeout bounds), not until its last byte.
 */
final class RefusedUpload {
    /** CONTRACTS.md (bad input at the edge): four times the buffered body limit of the other routes. */
    static final long DRAIN_MAX_BYTES = 64L * 1024 * 1024;
    /**
     * A client sending at 2.2 MB/s or faster gets its whole 64 MiB dropped and reads its answer; a slower one may see
     * the connection closed instead, the price of not letting a refused caller hold a thread longer.
     */
    static final long DRAIN_MAX_SECONDS = 30;
    private static final int BUFFER_BYTES = 64 * 1024;

    /** The same name as http.RequestSizeFilter.BODY_LEFT_UNREAD: set while the controller holds an unread body. */
    static final String BODY_LEFT_UNREAD = "cbam.upload.bodyLeftUnread";

    private RefusedUpload() {}

    /** The controller now holds the body: an error answer before it is read to its end closes the connection. */
    static void holding(HttpRequest<?> request) {
        request.setAttribute(BODY_LEFT_UNREAD, Boolean.TRUE);
    }

    static void drain(HttpRequest<?> request, InputStream body) {
        drain(request, body, Duration.ofSeconds(DRAIN_MAX_SECONDS));
    }

    /** Drops the body until its end, {@link #DRAIN_MAX_BYTES} or {@code within}, whichever comes first. */
    static void drain(HttpRequest<?> request, InputStream body, Duration within) {
        byte[] buffer = new byte[BUFFER_BYTES];
        long deadline = System.nanoTime() + within.toNanos();
        try {
            for (long dropped = 0; dropped < DRAIN_MAX_BYTES && System.nanoTime() - deadline < 0; ) {
                int n = body.read(buffer, 0, (int) Math.min(buffer.length, DRAIN_MAX_BYTES - dropped));
                if (n < 0) {
                    request.removeAttribute(BODY_LEFT_UNREAD, Boolean.class);
                    return;
                }
                dropped += n;
            }
        } catch (IOException e) {
            // the client went away: nothing to answer it anyway
        }
    }
}
