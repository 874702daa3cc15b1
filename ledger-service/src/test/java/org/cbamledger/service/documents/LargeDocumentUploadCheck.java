package org.cbamledger.service.documents;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;

/**
 * Streams a generated document of {@code args[0]} bytes through {@code POST /logs/{logId}/documents} into the
 * service's embedded S3 server and downloads it back, comparing SHA-256: run with {@code -Xmx512m} to show the
 * upload path holds no body in memory. Not part of the suite (its size is the point); see archive-service README.
 */
public final class LargeDocumentUploadCheck {
    private LargeDocumentUploadCheck() {}

    public static void main(String[] args) throws Exception {
        long sizeBytes = Long.parseLong(args[0]);
        try (RunningService service = RunningService.start(Map.of("micronaut.server.max-request-size", "8GB"))) {
            TestLog log = TestLog.create(service, "large-upload");
            URI base = service.http().base();
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            HttpClient client = HttpClient.newHttpClient();
            long started = System.nanoTime();
            HttpResponse<byte[]> uploaded = client.send(HttpRequest.newBuilder(base.resolve(
                            "logs/large-upload/documents?submitter=large-upload&fileName=large.bin"))
                    .header("Authorization", "Bearer " + log.submitToken)
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new DigestInputStream(new GeneratedInput(sizeBytes), sent)), sizeBytes))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            double uploadSeconds = (System.nanoTime() - started) / 1e9;
            if (uploaded.statusCode() != 201) {
                throw new IllegalStateException("upload answered " + uploaded.statusCode() + ": " + Http.text(uploaded));
            }
            String sha256 = Http.json(uploaded).get("sha256").asString();
            String expected = HexFormat.of().formatHex(sent.digest());
            started = System.nanoTime();
            MessageDigest read = MessageDigest.getInstance("SHA-256");
            HttpResponse<InputStream> downloaded = client.send(HttpRequest.newBuilder(base.resolve(
                    "logs/large-upload/documents/" + sha256)).header("Authorization", "Bearer " + log.readToken).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long readBytes = 0;
            try (InputStream in = downloaded.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) != -1; readBytes += n) {
                    read.update(buffer, 0, n);
                }
            }
            double downloadSeconds = (System.nanoTime() - started) / 1e9;
            String got = HexFormat.of().formatHex(read.digest());
            System.out.printf("size %d bytes, max heap %d MiB; upload %.1f s (anchor sha256 %s, sent %s); download %d bytes"
                            + " %.1f s, sha256 %s: %s%n", sizeBytes, Runtime.getRuntime().maxMemory() >> 20, uploadSeconds,
                    sha256, expected, readBytes, downloadSeconds, got,
                    sha256.equals(expected) && got.equals(expected) && readBytes == sizeBytes ? "OK" : "MISMATCH");
        }
        System.exit(0);
    }

    /** Deterministic pseudo-random bytes, generated as read. */
    private static final class GeneratedInput extends InputStream {
        private final long sizeBytes;
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        GeneratedInput(long sizeBytes) {
            this.sizeBytes = sizeBytes;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= sizeBytes) {
                return -1;
            }
            int n = (int) Math.min(len, sizeBytes - position);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                b[off + i] = (byte) state;
            }
            position += n;
            return n;
        }
    }
}
