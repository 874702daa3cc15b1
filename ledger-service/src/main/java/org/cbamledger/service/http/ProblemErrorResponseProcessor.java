package org.cbamledger.service.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/** Errors Micronaut itself answers (no route, wrong method, unreadable body) are problem+json too. */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<String> {

    @Override
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.getStatus();
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (detail.isBlank()) {
            detail = status.getReason();
        }
        String slug = switch (status.getCode()) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "request-too-large";
            case 415 -> "unsupported-media-type";
            default -> status.getCode() >= 500 ? "internal-error" : "bad-request";
        };
        ProblemBody problem = ProblemBody.of(slug, status.getReason(), status.getCode(), detail);
        return base.contentType(Json.PROBLEM_JSON).body(Json.MAPPER.writeValueAsString(problem));
    }
}
