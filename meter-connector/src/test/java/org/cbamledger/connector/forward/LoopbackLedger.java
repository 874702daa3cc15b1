package org.cbamledger.connector.forward;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.spec.RecordValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on loopback that stores what it receives at {@code POST /logs/{logId}/entries}
 * and answers as CONTRACTS.md says: 201 with a receipt, 200 with the same receipt for an identical
 * envelope. It checks the envelope's signature and the record's schema, so a test fails if the
 * connector sends something the ledger would refuse. It keeps the forwarder tests fast and lets
 * them count requests; RealLedgerOutageRunTest runs against the real service (not a mock here
 * either: bytes go over TCP). {@code /entries/batch} is all or nothing, as in the service.
 */
public final class LoopbackLedger implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final int port;
    private final String logId;
    private volatile PublicKeyInfo deviceKey;
    private final List<byte[]> entries = new ArrayList<>();
    private final Map<String, Integer> indexByLeafHash = new HashMap<>();
    private int posts;
    private int replays;
    private int batchPosts;
    private HttpServer server;

    public LoopbackLedger(int port, String logId, PublicKeyInfo deviceKey) {
        this.port = port;
        this.logId = logId;
        this.deviceKey = deviceKey;
    }

    public synchronized LoopbackLedger start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/logs/" + logId + "/entries", this::handle);
        server.start();
        return this;
    }

    /** The ledger goes down: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{}");
                return;
            }
            if (exchange.getRequestURI().getPath().endsWith("/entries/batch")) {
                handleBatch(exchange, body);
                return;
            }
            Envelope envelope;
            try {
                envelope = Envelope.parse(body);
                if (!envelope.isSignedBy(deviceKey)) {
                    respond(exchange, 422, problem("unknown-key", "signing key not registered in this log"));
                    return;
                }
                JsonNode record = envelope.record();
                RecordValidator.validate(record);
            } catch (Exception e) {
                respond(exchange, 422, problem("schema-violation", e.getMessage()));
                return;
            }
            String leafHash = HexFormat.of().formatHex(envelope.leafHash());
            int status;
            int index;
            synchronized (this) {
                posts++;
                Integer existing = indexByLeafHash.get(leafHash);
                if (existing != null) {
                    replays++;
                    status = 200;
                    index = existing;
                } else {
                    index = entries.size();
                    entries.add(envelope.canonicalBytes());
                    indexByLeafHash.put(leafHash, index);
                    status = 201;
                }
            }
            respond(exchange, status, "{\"logId\":\"" + logId + "\",\"index\":" + index + ",\"leafHash\":\"" + leafHash + "\"}");
        }
    }

    /** {@code /entries/batch}: every envelope checked first, then all stored, or none (CONTRACTS.md). */
    private void handleBatch(HttpExchange exchange, byte[] body) throws IOException {
        synchronized (this) {
            batchPosts++;
        }
        List<Envelope> envelopes = new ArrayList<>();
        try {
            for (JsonNode element : JSON.readTree(body).values()) {
                Envelope envelope = Envelope.parse(JSON.writeValueAsBytes(element));
                if (!envelope.isSignedBy(deviceKey)) {
                    respond(exchange, 422, problem("unknown-key", "signing key not registered in this log"));
                    return;
                }
                RecordValidator.validate(envelope.record());
                envelopes.add(envelope);
            }
        } catch (Exception e) {
            respond(exchange, 422, problem("schema-violation", e.getMessage()));
            return;
        }
        StringBuilder receipts = new StringBuilder("[");
        boolean created = false;
        synchronized (this) {
            for (Envelope envelope : envelopes) {
                posts++;
                String leafHash = HexFormat.of().formatHex(envelope.leafHash());
                Integer index = indexByLeafHash.get(leafHash);
                if (index != null) {
                    replays++;
                } else {
                    index = entries.size();
                    entries.add(envelope.canonicalBytes());
                    indexByLeafHash.put(leafHash, index);
                    created = true;
                }
                receipts.append(receipts.length() > 1 ? "," : "").append("{\"logId\":\"").append(logId)
                        .append("\",\"index\":").append(index).append(",\"leafHash\":\"").append(leafHash).append("\"}");
            }
        }
        respond(exchange, created ? 201 : 200, receipts.append("]").toString());
    }

    /** The key the ledger has registered for the device (a key registration, in the real service). */
    public void registerKey(PublicKeyInfo key) {
        deviceKey = key;
    }

    private static String problem(String slug, String detail) {
        return "{\"type\":\"https://cbam-ledger.org/problems/" + slug + "\",\"title\":\"" + slug + "\",\"status\":400,"
                + "\"detail\":\"" + String.valueOf(detail).replace("\"", "'") + "\"}";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    public synchronized List<byte[]> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<JsonNode> records() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (byte[] entry : entries) {
            records.add(Envelope.parse(entry).record());
        }
        return records;
    }

    public synchronized int posts() {
        return posts;
    }

    /** Requests to {@code /entries/batch}; {@link #posts()} counts the envelopes in them too. */
    public synchronized int batchPosts() {
        return batchPosts;
    }

    public synchronized int replays() {
        return replays;
    }

    @Override
    public void close() {
        stop();
    }
}
