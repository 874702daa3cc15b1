package org.cbamledger.service.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/** Errors Micronaut itself answers (no route, wrong method, unreadable body) are problem+json too. */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<String> {
    /** Netty's HttpRequestDecoder.createInvalidMessage. */
    private static final String UNREAD_LINE_PATH = "/bad-request";

    @Override
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = status(context, base.getStatus());
        base.status(status);
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (detail.isBlank()) {
            detail = status.getReason();
        }
        String slug = switch (status.getCode()) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "request-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "header-fields-too-large";
            case 415 -> "unsupported-media-type";
            default -> status.getCode() >= 500 ? "internal-error" : "bad-request";
        };
        ProblemBody problem = ProblemBody.of(slug, status.getReason(), status.getCode(), detail);
        return base.contentType(Json.PROBLEM_JSON).body(Json.MAPPER.writeValueAsString(problem));
    }

    /**
     * Micronaut answers a request Netty could not decode for length with a bare 413 (no exception): a request line
     * beyond {@code micronaut.server.netty.max-initial-line-length} is 414 (RFC 9110 §15.5.15), headers beyond
     * {@code max-header-size} 431 (RFC 6585 §5). Netty stands a request whose line it could not read in as
     * {@code GET /bad-request}; one whose headers it could not read keeps its line.
     */
    private static HttpStatus status(ErrorContext context, HttpStatus status) {
        if (status != HttpStatus.REQUEST_ENTITY_TOO_LARGE || context.getRootCause().isPresent()) {
            return status;
        }
        HttpRequest<?> request = context.getRequest();
        return request.getPath().equals(UNREAD_LINE_PATH) ? HttpStatus.REQUEST_URI_TOO_LONG : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    }
}
