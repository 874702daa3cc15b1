package org.cbamledger.bench.year;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ledger's HTTP API as the year benchmark uses it (api-spec/CONTRACTS.md); every call checks its status. */
final class YearClient {
    static final JsonMapper JSON = JsonMappers.PLAIN;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;

    YearClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    JsonNode post(String path, byte[] json) throws IOException, InterruptedException {
        return JSON.readTree(send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), List.of(200, 201)));
    }

    /** POST that answers 503 (queue full) is retried after the service's Retry-After; any other failure throws. */
    JsonNode postRetrying(String path, byte[] json) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<byte[]> response = http.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 503) {
                Thread.sleep(200);
                continue;
            }
            return JSON.readTree(check(response, List.of(200, 201)));
        }
    }

    byte[] get(String path) throws IOException, InterruptedException {
        return send(request(path).GET(), List.of(200));
    }

    /**
     * GET of a body read whole into one array of its Content-Length: the year's 719 entry bundles, 907 MB. The JDK
     * HttpClient's body pipeline copies every body twice (into 16 KB buffers, then joined) and, reading a year's bundles
     * on 4 connections, cost the client 1.3 to 3.3 CPU seconds against 0.5 to 1.4 for this (BENCHMARKS.md).
     */
    byte[] getWhole(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        connection.setConnectTimeout((int) Duration.ofSeconds(10).toMillis());
        connection.setReadTimeout((int) Duration.ofMinutes(10).toMillis());
        connection.setRequestProperty("Authorization", "Bearer " + token);
        int status = connection.getResponseCode();
        if (status != 200) {
            InputStream error = connection.getErrorStream();
            byte[] body = error == null ? new byte[0] : readAll(error);
            throw new IOException("GET " + base.resolve(path).getPath() + " answered " + status + ": "
                    + new String(body, StandardCharsets.UTF_8));
        }
        long length = connection.getContentLengthLong();
        try (InputStream in = connection.getInputStream()) {
            if (length < 0 || length > Integer.MAX_VALUE) {
                return in.readAllBytes();
            }
            byte[] body = new byte[(int) length];
            int read = in.readNBytes(body, 0, body.length);
            if (read != body.length) {
                throw new IOException("GET " + base.resolve(path).getPath() + " ended after " + read + " of its " + length + " bytes");
            }
            return body;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /** The session cookie a browser gets for the token through the login form. */
    String login() throws IOException, InterruptedException {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&next=" + URLEncoder.encode("/ui/logs", StandardCharsets.UTF_8);
        HttpResponse<byte[]> login = http.send(HttpRequest.newBuilder(base.resolve("ui/login"))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return login.headers().firstValue("Set-Cookie").orElseThrow(
                () -> new IOException("POST /ui/login answered " + login.statusCode() + " without a session cookie"))
                .split(";", 2)[0];
    }

    /** A page of the web view as a browser gets it, with the session cookie of {@link #login}. */
    byte[] page(String path, String cookie) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(10)).header("Cookie", cookie).GET(),
                List.of(200));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token);
    }

    private byte[] send(HttpRequest.Builder request, List<Integer> ok) throws IOException, InterruptedException {
        return check(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()), ok);
    }

    private static byte[] check(HttpResponse<byte[]> response, List<Integer> ok) throws IOException {
        if (!ok.contains(response.statusCode())) {
            throw new IOException(response.request().method() + " " + response.uri().getPath() + " answered "
                    + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }
}
