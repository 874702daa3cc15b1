package org.cbamledger.connector.forward;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.cbamledger.signer.JsonMappers;

/** Submits envelopes to {@code POST /logs/{logId}/entries} (CONTRACTS.md, HTTP API). */
public final class LedgerClient {
    private static final tools.jackson.databind.ObjectMapper JSON = JsonMappers.PLAIN;
    /** 4xx answers that may succeed later: credentials being fixed, log being created, throttling. */
    private static final Set<Integer> RETRYABLE_CLIENT_ERRORS = Set.of(401, 403, 404, 408, 425, 429);
    /**
     * Problems about the device key's standing in the log, which an operator fixes (register the key,
     * allow the kind, extend validity, register a successor): the batches wait instead of being dropped.
     */
    private static final Set<String> KEY_PROBLEMS = Set.of("unknown-key", "key-not-valid", "kind-not-allowed",
            "revoked-key", "log-not-found");
    private static final String PROBLEM_BASE = "https://cbam-ledger.org/problems/";

    private final HttpClient http;
    private final URI entriesUri;
    private final URI batchUri;
    private final String bearerToken;
    private final Duration requestTimeout;

    public LedgerClient(URI ledgerUrl, String logId, String bearerToken, Duration requestTimeout) {
        String base = ledgerUrl.toString().replaceAll("/+$", "");
        this.entriesUri = URI.create(base + "/logs/" + logId + "/entries");
        this.batchUri = URI.create(base + "/logs/" + logId + "/entries/batch");
        this.bearerToken = bearerToken;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    public URI entriesUri() {
        return entriesUri;
    }

    public SubmitOutcome submit(byte[] envelope) throws InterruptedException {
        return post(entriesUri, envelope);
    }

    /**
     * {@code POST /logs/{logId}/entries/batch}: the envelopes as one JSON array, sequenced all or
     * nothing; an {@link SubmitOutcome.Accepted} carries the JSON array of receipts, in order.
     */
    public SubmitOutcome submitBatch(List<byte[]> envelopes) throws InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write('[');
        for (int i = 0; i < envelopes.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(envelopes.get(i));
        }
        body.write(']');
        return post(batchUri, body.toByteArray());
    }

    private SubmitOutcome post(URI uri, byte[] json) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        if (bearerToken != null && !bearerToken.isBlank()) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new SubmitOutcome.Unavailable(uri + " unreachable: " + e, null);
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return new SubmitOutcome.Accepted(status, response.body());
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String problemType = problemType(response.body());
        if (problemType != null && problemType.startsWith(PROBLEM_BASE)
                && KEY_PROBLEMS.contains(problemType.substring(PROBLEM_BASE.length()))) {
            return new SubmitOutcome.Unavailable("ledger refuses the device key until an operator acts (" + status
                    + "): " + body, null);
        }
        if (status >= 500 || RETRYABLE_CLIENT_ERRORS.contains(status)) {
            Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(LedgerClient::seconds).orElse(null);
            return new SubmitOutcome.Unavailable("ledger answered " + status + ": " + body, retryAfter);
        }
        return new SubmitOutcome.Rejected(status, body);
    }

    private static String problemType(byte[] body) {
        try {
            tools.jackson.databind.JsonNode node = JSON.readTree(body);
            return node != null && node.path("type").isString() ? node.get("type").asString() : null;
        } catch (tools.jackson.core.JacksonException e) {
            return null;
        }
    }

    private static java.util.Optional<Duration> seconds(String value) {
        try {
            return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
