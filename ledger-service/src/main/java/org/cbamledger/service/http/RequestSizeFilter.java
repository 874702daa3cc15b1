package org.cbamledger.service.http;

import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import java.util.regex.Pattern;

/**
 * The server accepts bodies up to {@code micronaut.server.max-request-size} so that document uploads
 * (streamed to the archive, never buffered) can be gigabytes; every other body is read into memory, so
 * it must announce its length and stay within {@link #BUFFERED_BODY_MAX_BYTES}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class RequestSizeFilter {
    /** A batch of entries of at most 64 KiB each. */
    static final long BUFFERED_BODY_MAX_BYTES = 16L * 1024 * 1024;
    private static final Pattern STREAMED_UPLOAD = Pattern.compile("/logs/[^/]+/documents");

    // header checks only: on the event loop, no hop to a blocking thread
    @RequestFilter
    @NonBlocking
    @Nullable
    public HttpResponse<?> limit(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return null;
        }
        // a path no route takes is the router's 404, whatever its body
        if (RouteAttributes.getRouteMatch(request).isEmpty() || STREAMED_UPLOAD.matcher(request.getPath()).matches()) {
            return null;
        }
        long length = request.getContentLength();
        if (length < 0) {
            return Problems.of(ProblemBody.of("length-required", "Content-Length required", 411,
                    "this endpoint reads its body into memory: send Content-Length (at most "
                            + BUFFERED_BODY_MAX_BYTES + " bytes)"));
        }
        if (length > BUFFERED_BODY_MAX_BYTES) {
            return Problems.of(ProblemBody.of("request-too-large", "Request body too large", 413,
                    "body of " + length + " bytes exceeds " + BUFFERED_BODY_MAX_BYTES
                            + " bytes; documents go to /logs/{logId}/documents"));
        }
        return null;
    }

    /**
     * Set by the document upload while it holds a body it has not read to its end (documents.RefusedUpload); an error
     * answer then closes the connection, since the next request sent on it would wait behind bytes nobody reads. A
     * refusal by a filter, before the controller holds the body, keeps the connection: the server drops the body.
     */
    private static final String BODY_LEFT_UNREAD = "cbam.upload.bodyLeftUnread";

    @ResponseFilter
    @NonBlocking
    public void closeAfterRefusedUpload(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() >= 400 && request.getAttribute(BODY_LEFT_UNREAD).isPresent()) {
            response.header(HttpHeaders.CONNECTION, "close");
        }
    }
}
