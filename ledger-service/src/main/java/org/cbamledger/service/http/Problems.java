package org.cbamledger.service.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;

/** Maps the service's exceptions to {@code application/problem+json} responses. */
final class Problems {
    private Problems() {}

    static MutableHttpResponse<String> of(LedgerException e) {
        Problem p = e.problem();
        int status = ProblemStatus.of(p);
        MutableHttpResponse<String> response = of(ProblemBody.of(p.slug(), p.title(), status, e.getMessage()));
        if (status == 503) {
            response.header("Retry-After", "1");
        }
        return response;
    }

    static MutableHttpResponse<String> of(InvalidInputException e) {
        return of(ProblemBody.of(Problem.INVALID_PARAMETER.slug(), Problem.INVALID_PARAMETER.title(), 400, e.getMessage()));
    }

    static MutableHttpResponse<String> of(AuthException e) {
        MutableHttpResponse<String> response = e.status() == 401
                ? of(ProblemBody.of("unauthorized", "Authentication required", 401, e.getMessage()))
                : of(ProblemBody.of("forbidden", "Scope missing", 403, e.getMessage()));
        if (e.status() == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response;
    }

    static MutableHttpResponse<String> of(ProblemBody body) {
        return HttpResponse.<String>status(HttpStatus.valueOf(body.status()))
                .contentType(Json.PROBLEM_JSON)
                .body(Json.MAPPER.writeValueAsString(body));
    }
}
