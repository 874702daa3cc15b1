package org.cbamledger.witness;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

/**
 * The witness over HTTP: {@code POST /add-checkpoint} (C2SP tlog-witness) and {@code GET /vkey}, the witness's
 * cosignature/v1 verifier key.
 */
public final class WitnessServer implements AutoCloseable {
    /** A checkpoint with its signatures and a 63-line proof fit comfortably. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServer server;

    public WitnessServer(Witness witness, String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/add-checkpoint", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("POST")) {
                    HttpReplies.send(exchange, 405, "text/plain; charset=utf-8", "POST only\n");
                    return;
                }
                byte[] body = HttpReplies.readBody(exchange, MAX_BODY_BYTES);
                if (body == null) {
                    HttpReplies.send(exchange, 413, "text/plain; charset=utf-8", "request body too large\n");
                    return;
                }
                try {
                    String cosignature = witness.addCheckpoint(AddCheckpointRequest.parse(body));
                    HttpReplies.send(exchange, 200, "text/plain; charset=utf-8", cosignature);
                } catch (WitnessRefusal refusal) {
                    if (refusal.knownSize() != null) {
                        HttpReplies.send(exchange, 409, "text/x.tlog.size", refusal.knownSize() + "\n");
                    } else {
                        HttpReplies.send(exchange, refusal.status(), "text/plain; charset=utf-8",
                                refusal.getMessage() + "\n");
                    }
                }
            }
        });
        server.createContext("/vkey", exchange -> {
            try (exchange) {
                HttpReplies.send(exchange, 200, "text/plain; charset=utf-8", witness.verifierKey() + "\n");
            }
        });
        server.start();
    }

    public URI url() {
        return HttpReplies.url(server);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
