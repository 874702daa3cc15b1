package org.cbamledger.service.http;

import static org.cbamledger.service.support.DatabaseFailureAnswer.assertUnavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TableGone;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17: stores throw the unchecked StoreException, which keeps the SQLSTATE, and the edge answers it as
 * DatabaseProblems answers its SQLException: a value the database refused (class 22 or 54) is 400, any other failure
 * 503 + Retry-After. No route lets a checked SQLException out (ArchitectureTest), so no handler answers one.
 */
class StoreFailureEdgeTest {
    private static final HttpRequest<?> REQUEST = HttpRequest.GET("/claims/go:x");

    @Test
    void storeException_ofARefusedValue_is400_asTheSqlExceptionItCarries() {
        for (String state : new String[] {"22021", "22008", "22P05", "54000"}) {
            SQLException cause = new SQLException("refused by the database", state);
            io.micronaut.http.HttpResponse<?> store = new StoreExceptionHandler().handle(REQUEST, new StoreException(cause));
            io.micronaut.http.HttpResponse<?> sql = DatabaseProblems.of(REQUEST, cause);
            assertEquals(400, store.code(), state);
            assertEquals("{\"type\":\"https://cbam-ledger.org/problems/invalid-parameter\",\"title\":\"Invalid parameter\","
                    + "\"status\":400,\"detail\":\"a value of the request is not one the ledger can store (SQLSTATE " + state
                    + ")\"}", store.getBody(String.class).orElseThrow(), state);
            assertEquals(sql.getBody(String.class), store.getBody(String.class), state);
            assertEquals(null, store.getHeaders().get("Retry-After"), state);
        }
    }

    @Test
    void storeException_ofAnyOtherFailure_is503WithRetryAfter_asTheSqlExceptionItCarries() {
        for (String state : new String[] {"08001", "08006", "57P01", "42P01", "40001", null}) {
            SQLException cause = new SQLException("database failure", state);
            io.micronaut.http.HttpResponse<?> store = new StoreExceptionHandler().handle(REQUEST, new StoreException(cause));
            io.micronaut.http.HttpResponse<?> sql = DatabaseProblems.of(REQUEST, cause);
            assertEquals(503, store.code(), state);
            assertEquals("1", store.getHeaders().get("Retry-After"), state);
            assertEquals(sql.getBody(String.class), store.getBody(String.class), state);
            assertEquals(state == null ? "" : state, new StoreException(cause).sqlState());
        }
    }

    @Test
    void wrapping_keepsTheSqlExceptionAndItsState_andPassesResultsThrough() {
        SQLException cause = new SQLException("value too long", "22001");
        StoreException thrown = assertThrows(StoreException.class, () -> StoreException.wrapping(() -> {
            throw cause;
        }));
        assertEquals(cause, thrown.getCause());
        assertEquals("22001", thrown.sqlState());
        assertEquals("stored", StoreException.wrapping(() -> "stored"));
    }

    /** End to end through a converted store: the JWKS route while its table is gone, then back. */
    @Test
    void jwks_whileItsTableIsGone_is503WithRetryAfter_andServesAgainAfter() throws Exception {
        try (RunningService service = RunningService.start();
                Connection c = DriverManager.getConnection(service.jdbcUrl(), "postgres", "");
                Statement s = c.createStatement()) {
            assertEquals(200, service.http().get(".well-known/jwks.json", null).statusCode());
            s.execute("alter table log_keys rename to log_keys_elsewhere");
            HttpResponse<byte[]> gone = service.http().get(".well-known/jwks.json", null);
            s.execute("alter table log_keys_elsewhere rename to log_keys");
            assertEquals(503, gone.statusCode(), Http.text(gone));
            assertEquals("1", gone.headers().firstValue("Retry-After").orElse(""));
            assertEquals("application/problem+json", gone.headers().firstValue("Content-Type").orElse(""));
            JsonNode problem = Http.json(gone);
            assertEquals("https://cbam-ledger.org/problems/unavailable", problem.get("type").asString());
            assertEquals("database failure", problem.get("detail").asString());
            HttpResponse<byte[]> back = service.http().get(".well-known/jwks.json", null);
            assertEquals(200, back.statusCode(), Http.text(back));
            assertEquals(true, Http.json(back).get("keys").isArray());
        }
    }

    /** End to end through the log's routes, which no longer declare SQLException (issue 17). */
    @Test
    void entryAndDeviceReads_whileTheirTablesAreGone_are503() throws Exception {
        try (RunningService service = RunningService.start()) {
            TestLog log = TestLog.create(service, "log-db-reads");
            SigningKey key = log.registerKey("device", List.of(Kinds.METER_READING_BATCH));
            assertEquals(201, log.submitAndWait(TestLog.sign(Kinds.METER_READING_BATCH,
                    TestLog.meterBatch("M-7", "gw-db", 0, java.time.Instant.parse("2026-03-01T00:00:00Z"), 4), key))
                    .statusCode());
            HttpResponse<byte[]> entry;
            try (TableGone gone = new TableGone(service.jdbcUrl(), "entries")) {
                entry = log.read("entries/0");
            }
            HttpResponse<byte[]> gaps;
            try (TableGone gone = new TableGone(service.jdbcUrl(), "device_batches")) {
                gaps = log.read("devices/gw-db/sequence-gaps");
            }
            assertUnavailable(entry);
            assertUnavailable(gaps);
            assertEquals(200, log.read("entries/0").statusCode());
            assertEquals(200, log.read("devices/gw-db/sequence-gaps").statusCode());
        }
    }
}
