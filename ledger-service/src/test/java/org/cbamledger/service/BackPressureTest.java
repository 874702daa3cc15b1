package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;

/** A full submission queue answers 503 with Retry-After and appends nothing; the queued entries still land. */
class BackPressureTest {

    @Test
    void fullQueue_answers503WithRetryAfter_andQueuedEntriesAreSequencedOnceTheWriterMoves() throws Exception {
        try (RunningService service = RunningService.start(Map.of(
                "cbam.ledger.queue-capacity", 2, "cbam.ledger.max-batch", 1))) {
            TestLog log = TestLog.create(service, "back-pressure");
            SigningKey gateway = log.registerKey("device", List.of("meter-reading-batch"));
            HttpClient client = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            try (Connection lock = DriverManager.getConnection(service.jdbcUrl(), "postgres", "")) {
                lock.setAutoCommit(false);
                try (Statement s = lock.createStatement()) {
                    // holds the sequencer's row lock: its next transaction waits, so the queue fills up
                    s.execute("select * from log_sequence where log_id = 'back-pressure' for update");
                }
                for (int i = 0; i < 6; i++) {
                    byte[] envelope = TestLog.sign("meter-reading-batch",
                            TestLog.meterBatch("m", "gw-bp", i, Instant.parse("2026-11-01T00:00:00Z"), 1), gateway);
                    responses.add(client.sendAsync(HttpRequest.newBuilder(URI.create(service.http().base() + "logs/back-pressure/entries"))
                            .header("Authorization", "Bearer " + log.submitToken)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString()));
                    Thread.sleep(150);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (responses.stream().filter(CompletableFuture::isDone).count() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                lock.rollback();
            }
            int accepted = 0;
            int refused = 0;
            for (CompletableFuture<HttpResponse<String>> future : responses) {
                HttpResponse<String> r = future.get(30, TimeUnit.SECONDS);
                if (r.statusCode() == 503) {
                    refused++;
                    assertEquals("1", r.headers().firstValue("Retry-After").orElse(null));
                    assertTrue(r.body().contains("/problems/queue-full"), r.body());
                } else {
                    assertEquals(201, r.statusCode(), r.body());
                    accepted++;
                }
            }
            assertTrue(refused >= 3, "only " + refused + " submissions were refused");
            assertEquals(3 + accepted, log.sequencedSize(), "refused submissions must append nothing");
            assertEquals(200, service.http().get("logs/back-pressure/entries/" + (2 + accepted), log.readToken).statusCode());
            assertEquals(404, service.http().get("logs/back-pressure/entries/" + (3 + accepted), log.readToken).statusCode());
            Http.json(service.http().get("logs/back-pressure", log.readToken));
        }
    }
}
