package org.cbamledger.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A database failure is the server's problem: 503, retry later, details only in the log. */
@Singleton
final class SqlExceptionHandler implements ExceptionHandler<SQLException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(SqlExceptionHandler.class);

    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, SQLException e) {
        LOG.error("database failure on {} {}", request.getMethod(), request.getPath(), e);
        return Problems.of(ProblemBody.of("unavailable", "Ledger unavailable", 503, "database failure"))
                .header("Retry-After", "1");
    }
}
