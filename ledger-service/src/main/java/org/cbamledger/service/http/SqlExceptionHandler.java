package org.cbamledger.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.sql.SQLException;

/** An SQLException a controller still declares, answered as {@link DatabaseProblems} says. */
@Singleton
final class SqlExceptionHandler implements ExceptionHandler<SQLException, HttpResponse<?>> {
    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, SQLException e) {
        return DatabaseProblems.of(request, e);
    }
}
