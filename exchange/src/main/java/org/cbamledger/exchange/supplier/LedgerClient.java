package org.cbamledger.exchange.supplier;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The two calls a supplier makes to a ledger service: archive a document, append a signed record. */
final class LedgerClient {
    private static final JsonMapper JSON = JsonMappers.PLAIN;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI logBase;
    private final String token;

    LedgerClient(URI service, String logId, String token) {
        String base = service.toString().endsWith("/") ? service.toString() : service + "/";
        this.logBase = URI.create(base).resolve("logs/" + encode(logId) + "/");
        this.token = token;
    }

    /** {@code POST documents}: streams the bytes into the log's archive; answers the unsigned document-anchor record. */
    byte[] upload(byte[] content, String submitter, String fileName, String supports) throws IOException, InterruptedException {
        String query = "documents?submitter=" + encode(submitter) + "&fileName=" + encode(fileName) + "&supports=" + encode(supports);
        return send(request(query).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    /** {@code POST entries?wait=true}: the receipt once a checkpoint covers the entry. */
    JsonNode append(Envelope envelope) throws IOException, InterruptedException {
        return JSON.readTree(send(request("entries?wait=true").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope.canonicalBytes())).build()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(logBase.resolve(path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
    }

    private byte[] send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 201) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
