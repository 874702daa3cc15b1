package org.cbamledger.service.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;

/** The edge's answer to a database failure (http.DatabaseProblems): 503 "unavailable", retry after a second. */
public final class DatabaseFailureAnswer {
    private DatabaseFailureAnswer() {}

    public static void assertUnavailable(HttpResponse<byte[]> response) {
        assertEquals(503, response.statusCode(), Http.text(response));
        assertEquals("1", response.headers().firstValue("Retry-After").orElse(""));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = Http.json(response);
        assertEquals("https://cbam-ledger.org/problems/unavailable", problem.get("type").asString());
        assertEquals("database failure", problem.get("detail").asString());
    }
}
