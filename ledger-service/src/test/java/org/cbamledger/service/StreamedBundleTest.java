package org.cbamledger.service;

import org.cbamledger.service.support.BundledIndexes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.service.support.VerifierRun;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log's bundle is zipped onto the response as its entries are read, a page at a time: a log of a few thousand
 * entries arrives as a zip the verifier passes, and while it streams this JVM opens no file in the temporary
 * directory (the export used to write one file per entry there, then the zip).
 */
class StreamedBundleTest {
    private static final int ENTRIES = 3_000;
    private static final int PER_REQUEST = 100;
    private static RunningService service;
    private static TestLog log;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        log = TestLog.create(service, "streamed");
        SigningKey gateway = log.registerKey("device", List.of(Kinds.METER_READING_BATCH));
        Instant day = Instant.parse("2026-03-01T00:00:00Z");
        for (int first = 0; first < ENTRIES; first += PER_REQUEST) {
            StringBuilder array = new StringBuilder("[");
            for (int i = first; i < first + PER_REQUEST; i++) {
                byte[] envelope = TestLog.sign(Kinds.METER_READING_BATCH, TestLog.meterBatch("meter-" + i % 7, "gw-streamed", i, day, 4), gateway);
                array.append(i == first ? "" : ",").append(new String(envelope, StandardCharsets.UTF_8));
            }
            HttpResponse<byte[]> response = service.http().post("logs/streamed/entries/batch", log.submitToken,
                    array.append("]").toString().getBytes(StandardCharsets.UTF_8));
            assertEquals(201, response.statusCode(), Http.text(response));
        }
        byte[] last = TestLog.sign(Kinds.METER_READING_BATCH, TestLog.meterBatch("meter-last", "gw-streamed", ENTRIES, day, 4), gateway);
        assertEquals(201, log.submitAndWait(last).statusCode());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void bundle_streamsAZipTheVerifierPasses_withNoTemporaryFileOpened() throws Exception {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        Set<String> before = openFilesUnder(temporary);
        Set<String> opened = new TreeSet<>();
        AtomicBoolean streaming = new AtomicBoolean(true);
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (streaming.get()) {
                openFilesUnder(temporary).stream().filter(f -> !before.contains(f)).forEach(opened::add);
                sleepMillis(2);
            }
        });
        byte[] streamed;
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(service.http().base().resolve("logs/streamed/bundle"))
                    .header("Authorization", "Bearer " + log.readToken).GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertEquals("application/zip", response.headers().firstValue("Content-Type").orElse(""));
            try (InputStream body = response.body()) {
                streamed = body.readAllBytes();
            }
        } finally {
            streaming.set(false);
            watcher.join();
        }
        assertEquals(Set.of(), opened, "files this JVM opened in " + temporary + " while the bundle streamed");
        Path zip = tmp.resolve("streamed.zip");
        Files.write(zip, streamed);

        VerifierRun run = VerifierRun.verify(zip.toString(), "--log-key", log.logVerifierKey, "--root-key",
                log.rootKey.keyId());
        assertEquals(0, run.exitCode(), run.report());
        assertTrue(run.report().contains("PASSED"), run.report());
        assertTrue(BundledIndexes.of(zip).size() > ENTRIES, "every entry bundled");
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The files this JVM holds open under {@code dir}, from /proc/self/fd. */
    private static Set<String> openFilesUnder(Path dir) {
        Set<String> files = new TreeSet<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(dir)) {
                        files.add(target.toString());
                    }
                } catch (IOException vanished) {
                    // closed between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
        return files;
    }
}
