package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import org.cbamledger.service.support.WholeBodyClient;
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

    @Test
    void aClientSending20MegabytesToThe16MebibyteLimit_getsThe413Problem() throws Exception {
        try (RunningService service = RunningService.start(Map.of())) {
            TestLog log = TestLog.create(service, "large-refused");

            WholeBodyClient.Answer answer = WholeBodyClient.post(service.http().base(), "logs/large-refused/entries/batch",
                    log.submitToken, "application/json", 20_000_000);

            assertEquals(413, answer.status(), answer.head());
            assertNull(answer.writeFailure(), "the service stopped reading the body");
            assertEquals("https://cbam-ledger.org/problems/request-too-large",
                    Http.JSON.readTree(answer.body()).get("type").asString());
            assertEquals(2, log.sequencedSize(), "only the bootstrap entries");
        }
    }

    @Test
    void documentUploadsRefusedBeforeTheirBodyIsRead_answerTheirProblemToAClientSendingItAll() throws Exception {
        try (RunningService service = RunningService.start(Map.of())) {
            TestLog log = TestLog.create(service, "upload-refused");

            // refused by the controller (scope) and by a filter (a control character in a parameter)
            WholeBodyClient.Answer forbidden = WholeBodyClient.post(service.http().base(),
                    "logs/upload-refused/documents?submitter=upload-refused&fileName=big.bin", log.readToken,
                    "application/octet-stream", 20_000_000);
            WholeBodyClient.Answer invalid = WholeBodyClient.post(service.http().base(),
                    "logs/upload-refused/documents?submitter=upload%01refused", log.submitToken,
                    "application/octet-stream", 20_000_000);

            assertRefused(forbidden, 403, "forbidden");
            assertRefused(invalid, 400, "invalid-parameter");
        }
    }

    @Test
    void aDocumentUploadAskingFirst_getsItsProblemAfterSendingTheBodyTheServerAskedFor() throws Exception {
        try (RunningService service = RunningService.start(Map.of())) {
            TestLog log = TestLog.create(service, "upload-asked");

            WholeBodyClient.Answer answer = WholeBodyClient.askFirst(service.http().base(),
                    "logs/upload-asked/documents?submitter=upload-asked", log.readToken, "application/octet-stream",
                    20_000_000);

            assertRefused(answer, 403, "forbidden");
        }
    }

    private static void assertRefused(WholeBodyClient.Answer answer, int status, String slug) {
        assertEquals(status, answer.status(), answer.head());
        assertNull(answer.writeFailure(), "the service stopped reading the body");
        assertEquals("https://cbam-ledger.org/problems/" + slug, Http.JSON.readTree(answer.body()).get("type").asString());
    }
}
