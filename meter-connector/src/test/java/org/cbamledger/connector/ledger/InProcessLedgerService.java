package org.cbamledger.connector.ledger;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.runtime.OutageRunScenario;
import org.cbamledger.service.LedgerApplication;
import org.cbamledger.service.auth.TokenAuthority;
import org.cbamledger.signer.Envelope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real ledger service, started in-process as {@code ./cbam serve} starts it: its own embedded
 * PostgreSQL in {@code <dataDir>/pg}, auth keys in {@code <dataDir>/auth}, on a fixed loopback port.
 * {@link #stop()} closes the whole application context (HTTP server, sequencer, PostgreSQL) and
 * {@link #start()} starts a new one on the same data directory, so the log must survive the outage.
 * Everything read back goes through the service's HTTP API.
 */
public final class InProcessLedgerService implements OutageRunScenario.Ledger, AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dataDir;
    private final Map<String, Object> properties = new HashMap<>();
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String logId;
    private String readToken;
    private ApplicationContext context;
    private Thread stopping;

    public InProcessLedgerService(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.url = URI.create("http://127.0.0.1:" + port);
        properties.put("micronaut.server.port", port);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("cbam.data-dir", dataDir.toString());
        properties.put("cbam.db.pool-size", 4);
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public synchronized void start() throws InterruptedException {
        if (stopping != null) {
            stopping.join();
            stopping = null;
        }
        if (context == null) {
            context = LedgerApplication.start(properties);
        }
    }

    /**
     * Closes the service in the background: shutting down the sequencer and PostgreSQL takes
     * seconds, hours in accelerated time, and the scenario's clock must not wait for it.
     * {@link #start()} waits until the old instance is gone.
     */
    @Override
    public synchronized void stop() {
        if (context != null) {
            ApplicationContext closing = context;
            context = null;
            stopping = Thread.ofPlatform().name("ledger-stop").start(closing::close);
        }
    }

    public String adminToken() throws IOException {
        return Files.readString(TokenAuthority.authDir(dataDir).resolve(TokenAuthority.ADMIN_TOKEN_FILE)).strip();
    }

    /** A token from the service's own signing key, as {@code ./cbam token --scope ...} mints it. */
    public String token(String... scopes) throws IOException {
        return TokenAuthority.load(dataDir, Clock.systemUTC()).mint("connector-test", List.of(scopes),
                Duration.ofHours(1));
    }

    /** {@code POST /logs} without bootstrap; returns the answer (with the generated root key) as it came. */
    public String createLog(String id, String operatorName) throws Exception {
        this.logId = id;
        this.readToken = token("log:" + id + ":read");
        HttpResponse<String> created = send(HttpRequest.newBuilder(url.resolve("/logs"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"logId\":\"" + id + "\",\"operatorName\":\""
                        + operatorName + "\",\"country\":\"RS\"}")));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST /logs answered " + created.statusCode() + ": " + created.body());
        }
        return created.body();
    }

    /** {@code GET /logs/{logId}/...} with a read token. */
    public JsonNode read(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url.resolve("/logs/" + logId + path))
                .header("Authorization", "Bearer " + readToken).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Every entry of the log through {@code GET /logs/{logId}/entries/{index}}, as parsed envelopes. */
    public List<Envelope> entries() throws Exception {
        long size = read("").get("sequencedSize").asLong();
        List<Envelope> entries = new ArrayList<>();
        for (long index = 0; index < size; index++) {
            JsonNode entry = read("/entries/" + index);
            entries.add(Envelope.parse(JSON.writeValueAsBytes(entry.get("envelope"))));
        }
        return entries;
    }

    @Override
    public List<JsonNode> records() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (Envelope envelope : entries()) {
            if (envelope.kind().equals("meter-reading-batch")) {
                records.add(envelope.record());
            }
        }
        return records;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        if (stopping != null) {
            stopping.join();
        }
    }
}
