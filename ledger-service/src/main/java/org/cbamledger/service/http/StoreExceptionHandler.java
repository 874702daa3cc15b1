package org.cbamledger.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.cbamledger.service.db.StoreException;

/** A store's failure, answered exactly as the SQLException it carries (same SQLSTATE, same status). */
@Singleton
final class StoreExceptionHandler implements ExceptionHandler<StoreException, HttpResponse<?>> {
    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, StoreException e) {
        return DatabaseProblems.of(request, e.getCause());
    }
}
