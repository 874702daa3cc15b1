package org.cbamledger.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.cbamledger.service.problem.LedgerException;

@Singleton
final class LedgerExceptionHandler implements ExceptionHandler<LedgerException, HttpResponse<?>> {
    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, LedgerException e) {
        return Problems.of(e);
    }
}
