package org.cbamledger.service.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.sql.SQLException;
import org.cbamledger.service.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database failure is the server's problem: 503, retry later, details only in the log. The exception is a value the
 * database refused (SQLSTATE class 22, data exception: a NUL byte, a date out of range; class 54, a value beyond a
 * limit): input the edge should have caught, so it is a 400, never an outage to retry.
 */
final class DatabaseProblems {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProblems.class);

    private DatabaseProblems() {}

    static HttpResponse<?> of(HttpRequest<?> request, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("22") || state.startsWith("54")) {
            LOG.warn("input refused by the database on {} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            return Problems.of(ProblemBody.of(Problem.INVALID_PARAMETER.slug(), Problem.INVALID_PARAMETER.title(), 400,
                    "a value of the request is not one the ledger can store (SQLSTATE " + state + ")"));
        }
        LOG.error("database failure on {} {}", request.getMethod(), request.getPath(), e);
        return Problems.of(ProblemBody.of("unavailable", "Ledger unavailable", 503, "database failure"))
                .header("Retry-After", "1");
    }
}
