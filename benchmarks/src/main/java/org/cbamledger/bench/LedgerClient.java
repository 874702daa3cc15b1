package org.cbamledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few ledger HTTP calls the load generator makes (api-spec/CONTRACTS.md). */
final class LedgerClient {
    static final JsonMapper JSON = JsonMappers.PLAIN;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI baseUrl;
    private final String adminToken;

    LedgerClient(URI baseUrl, String adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    String adminToken() {
        return adminToken;
    }

    /** A connection of its own for pipelined GETs (the proof window). */
    KeepAliveConnection connect() throws IOException {
        return new KeepAliveConnection(baseUrl);
    }

    JsonNode postJson(String path, byte[] body) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        return JSON.readTree(response.body());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Authorization", "Bearer " + adminToken).GET()).body());
    }

    String getText(String path) throws IOException, InterruptedException {
        return new String(send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET()).body(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            throw new IOException(request.build().method() + " " + request.build().uri() + " answered "
                    + response.statusCode() + ": " + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response;
    }
}
