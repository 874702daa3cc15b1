package org.cbamledger.service.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Uploads to a test log's document archive and its bundle unpacked on disk. */
public final class TestDocuments {
    private TestDocuments() {}

    /** POST /logs/{logId}/documents with {@code token}, the log itself as submitter. */
    public static HttpResponse<byte[]> upload(TestLog log, String token, byte[] content, String fileName) {
        return log.service.http().post("logs/" + log.logId + "/documents?submitter=" + log.logId + "&fileName="
                + fileName, token, content);
    }

    /** The log's bundle, unzipped into a new temporary directory. */
    public static Path exportBundle(TestLog log) throws IOException {
        HttpResponse<byte[]> zip = log.read("bundle");
        assertEquals(200, zip.statusCode(), Http.text(zip));
        Path dir = Files.createTempDirectory("documents-bundle");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!entry.isDirectory()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return dir;
    }

    /** The blob the service's embedded S3 server stores under {@code sha256}, if there is one. */
    public static Optional<Path> storedBlob(RunningService service, String sha256) throws IOException {
        try (Stream<Path> files = Files.walk(service.dataDir().resolve("objects"))) {
            return files.filter(p -> p.getFileName().toString().equals(sha256) && Files.isRegularFile(p)).findFirst();
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
