package org.cbamledger.bench.year;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link YearClient#getWhole} against a real HTTP server on loopback: bodies of a known length, chunked, refused. */
class YearClientTest {
    private static final byte[] BUNDLE = new byte[1_263_000];
    private static HttpServer server;
    private static YearClient client;

    @BeforeAll
    static void serve() throws IOException {
        new Random(14).nextBytes(BUNDLE);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sized", exchange -> {
            boolean authorized = "Bearer t0ken".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(authorized ? 200 : 401, authorized ? BUNDLE.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (authorized) {
                    out.write(BUNDLE);
                }
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BUNDLE);
            }
        });
        server.createContext("/missing", exchange -> {
            byte[] problem = "{\"type\":\"entry-not-found\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, problem.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(problem);
            }
        });
        server.start();
        client = new YearClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "t0ken");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void getWhole_readsASizedBody_byteForByte_againAndAgain() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(BUNDLE, client.getWhole("sized"));
        }
    }

    @Test
    void getWhole_readsAChunkedBody_ofNoAnnouncedLength() throws Exception {
        assertArrayEquals(BUNDLE, client.getWhole("chunked"));
    }

    @Test
    void getWhole_refusesAnyStatusButOk_withTheServersProblem() {
        IOException e = assertThrows(IOException.class, () -> client.getWhole("missing"));
        assertEquals("GET /missing answered 404: {\"type\":\"entry-not-found\"}", e.getMessage());
        IOException unauthorized = assertThrows(IOException.class,
                () -> new YearClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "other").getWhole("sized"));
        assertTrue(unauthorized.getMessage().startsWith("GET /sized answered 401"), unauthorized.getMessage());
    }
}
