package org.cbamledger.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
final class TooManyRequestsExceptionHandler implements ExceptionHandler<TooManyRequestsException, HttpResponse<?>> {
    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, TooManyRequestsException e) {
        return Problems.of(ProblemBody.of("too-many-requests", "Too many requests", 429, e.getMessage()))
                .header("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
}
