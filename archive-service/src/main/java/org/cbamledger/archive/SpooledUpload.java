package org.cbamledger.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.cbamledger.signer.Sha256;

/**
 * An upload copied to a local spool file while it is hashed, so its content address is known before the
 * object store sees a byte and the body is never held in memory. The file is deleted on close.
 */
record SpooledUpload(Path file, String sha256, long sizeBytes) implements AutoCloseable {
    private static final int BUFFER_BYTES = 64 * 1024;

    static SpooledUpload spool(InputStream content, Path spoolDirectory) throws IOException {
        Files.createDirectories(spoolDirectory);
        Path file = Files.createTempFile(spoolDirectory, "upload-", ".spool");
        MessageDigest digest = Sha256.newDigest();
        long sizeBytes = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            int n;
            while ((n = content.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                sizeBytes += n;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledUpload(file, Sha256.hex(digest), sizeBytes);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
