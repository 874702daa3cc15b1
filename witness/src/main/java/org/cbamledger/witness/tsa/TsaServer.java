package org.cbamledger.witness.tsa;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;
import org.cbamledger.witness.HttpReplies;

/**
 * The TSA over HTTP (RFC 3161 §3.4): {@code POST /} with {@code application/timestamp-query} answers
 * {@code application/timestamp-reply}; {@code GET /certificate} serves the signing certificate as PEM.
 */
public final class TsaServer implements AutoCloseable {
    private static final int MAX_REQUEST_BYTES = 8 * 1024;

    private final HttpServer server;

    public TsaServer(TimestampAuthority authority, String host, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/certificate", exchange -> {
            try (exchange) {
                HttpReplies.send(exchange, 200, "application/pem-certificate-chain", authority.certificatePem());
            }
        });
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/")) {
                    HttpReplies.send(exchange, 404, "text/plain; charset=utf-8", "POST / or GET /certificate\n");
                    return;
                }
                byte[] body = HttpReplies.readBody(exchange, MAX_REQUEST_BYTES);
                if (body == null) {
                    HttpReplies.send(exchange, 413, "text/plain; charset=utf-8", "request too large\n");
                    return;
                }
                HttpReplies.send(exchange, 200, "application/timestamp-reply", authority.respond(body));
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
