package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bodies read into memory are bounded even though document uploads may be gigabytes; nothing is appended. */
class RequestSizeTest {

    @Test
    void oversizedOrUnannouncedBuffered_bodies_areRefusedWithAProblem() throws Exception {
        try (RunningService service = RunningService.start(Map.of())) {
            TestLog log = TestLog.create(service, "request-size");
            URI entries = URI.create(service.http().base() + "logs/request-size/entries/batch");
            HttpClient client = HttpClient.newHttpClient();

            byte[] oversized = new byte[17 * 1024 * 1024];
            HttpResponse<String> tooLarge = client.send(HttpRequest.newBuilder(entries)
                    .header("Authorization", "Bearer " + log.submitToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(oversized)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, tooLarge.statusCode());
            JsonNode problem = Http.JSON.readTree(tooLarge.body());
            assertEquals("https://cbam-ledger.org/problems/request-too-large", problem.get("type").asString());

            HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(entries)
                    .header("Authorization", "Bearer " + log.submitToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("[]".getBytes())))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(411, chunked.statusCode());

            assertEquals(2, log.sequencedSize(), "only the bootstrap entries");
        }
    }
}
