package org.cbamledger.service.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/** Access and secret key of the embedded S3 server: generated once per data dir, kept in a 0600 file. */
public record EmbeddedCredentials(String accessKey, String secretKey) {
    public static final String FILE = "s3-credentials";

    public static EmbeddedCredentials loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                throw new IOException(file + " must hold the access key and the secret key on two lines");
            }
            return new EmbeddedCredentials(lines.get(0).trim(), lines.get(1).trim());
        }
        Files.createDirectories(dir);
        SecureRandom random = new SecureRandom();
        EmbeddedCredentials created = new EmbeddedCredentials("cbam" + hex(random, 8), hex(random, 24));
        Files.writeString(file, created.accessKey() + "\n" + created.secretKey() + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps its default mode
        }
        return created;
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
