package org.cbamledger.service.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The demo talks to the service only through its HTTP API, as any client would. */
final class DemoClient {
    private static final JsonMapper JSON = JsonMappers.PLAIN;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    DemoClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    JsonNode createLog(String logId, String operatorName, String country) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("logId", logId);
        body.put("operatorName", operatorName);
        body.put("country", country);
        return JSON.readTree(send(post("logs", JSON.writeValueAsBytes(body)), 201));
    }

    JsonNode submit(String logId, Envelope envelope, boolean waitForCheckpoint) throws IOException, InterruptedException {
        String path = "logs/" + logId + "/entries" + (waitForCheckpoint ? "?wait=true" : "");
        return JSON.readTree(send(post(path, envelope.canonicalBytes()), 201));
    }

    /** {@code POST /logs/{logId}/entries/batch}: the envelopes sequenced all or nothing; their receipts in order. */
    JsonNode submitBatch(String logId, java.util.List<Envelope> envelopes, boolean waitForCheckpoint)
            throws IOException, InterruptedException {
        tools.jackson.databind.node.ArrayNode body = JSON.createArrayNode();
        for (Envelope envelope : envelopes) {
            body.add(JSON.readTree(envelope.canonicalBytes()));
        }
        String path = "logs/" + logId + "/entries/batch" + (waitForCheckpoint ? "?wait=true" : "");
        return JSON.readTree(send(post(path, JSON.writeValueAsBytes(body)), 201));
    }

    byte[] bundle(String logId) throws IOException, InterruptedException {
        return send(request("logs/" + logId + "/bundle").GET().build(), 200);
    }

    /** The bundle with a stored statement, its checkpoint and every entry below it. */
    byte[] bundle(String logId, String statementId) throws IOException, InterruptedException {
        return send(request("logs/" + logId + "/bundle?statement=" + statementId).GET().build(), 200);
    }

    JsonNode entry(String logId, long index) throws IOException, InterruptedException {
        return JSON.readTree(send(request("logs/" + logId + "/entries/" + index).GET().build(), 200));
    }

    JsonNode submitStatement(String logId, String compactJws) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("jws", compactJws);
        return JSON.readTree(send(post("logs/" + logId + "/statements", JSON.writeValueAsBytes(body)), 201));
    }

    /** Streams a document into the log's archive; answers the unsigned document-anchor record (201). */
    byte[] uploadDocument(String logId, byte[] content, String submitter, String fileName, String supports)
            throws IOException, InterruptedException {
        String path = "logs/" + logId + "/documents?submitter=" + query(submitter) + "&fileName=" + query(fileName)
                + "&supports=" + query(supports);
        HttpRequest request = request(path).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 201) {
            throw new IOException("POST " + request.uri().getPath() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    byte[] statementPdf(String logId, String statementId) throws IOException, InterruptedException {
        return send(request("logs/" + logId + "/statements/" + statementId + "/pdf").GET().build(), 200);
    }

    /** A client speaking with another token (a party's) to the same service. */
    DemoClient as(String otherToken) {
        return new DemoClient(base, otherToken);
    }

    /** {@code POST /logs/{logId}/rooms}: a room on one installation, period and CN code; answers the room. */
    JsonNode createRoom(String logId, String name, String installationId, String periodFrom, String periodTo,
            String cnCode) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("installationId", installationId);
        body.put("periodFrom", periodFrom);
        body.put("periodTo", periodTo);
        body.putArray("cnCodes").add(cnCode);
        return JSON.readTree(send(post("logs/" + logId + "/rooms", JSON.writeValueAsBytes(body)), 201));
    }

    /** {@code PUT /rooms/{roomId}/grants/{partyId}}. */
    JsonNode grantRoom(String roomId, String partyId, String role, java.util.List<String> scopes)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("role", role);
        scopes.forEach(body.putArray("scopes")::add);
        HttpRequest request = request("rooms/" + roomId + "/grants/" + partyId).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        return JSON.readTree(send(request, 200));
    }

    /** The room's evidence bundle with one of its statements. */
    byte[] roomBundle(String roomId, String statementId) throws IOException, InterruptedException {
        return send(request("rooms/" + roomId + "/bundle?statement=" + statementId).GET().build(), 200);
    }

    private static String query(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest post(String path, byte[] body) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private byte[] send(HttpRequest request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expectedStatus) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
                    + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }
}
