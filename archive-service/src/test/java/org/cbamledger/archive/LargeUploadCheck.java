package org.cbamledger.archive;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cbamledger.signer.Sha256;

/**
 * Streams a generated body of the given size through {@link DocumentArchive} into an embedded S3 server
 * and reads it back verified; run by hand with a capped heap for the 2 GiB check:
 *
 * <pre>java -Xmx512m -cp ... org.cbamledger.archive.LargeUploadCheck 2147483648 /var/tmp/large-upload</pre>
 *
 * Exits 0 and prints "verified" when the stored object hashes to what was generated.
 */
public final class LargeUploadCheck {
    private LargeUploadCheck() {}

    public static void main(String[] args) throws Exception {
        long sizeBytes = Long.parseLong(args[0]);
        Path work = Path.of(args[1]);
        try (EmbeddedS3Server server = EmbeddedS3Server.start(work.resolve("s3"), "large-access", "large-secret-0123456789");
                S3ObjectStore store = S3ObjectStore.open(server.settings("documents"))) {
            DocumentArchive archive = new DocumentArchive(store, new ContentExtractor(), work.resolve("spool"), Clock.systemUTC());
            GeneratedBody body = new GeneratedBody(sizeBytes);

            long uploadStart = System.nanoTime();
            DocumentAnchor anchor = archive.archive(body,
                    new DocumentSubmission(Optional.of("large.bin"), "party:large-upload-check", List.of())).anchor();
            double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;

            long readStart = System.nanoTime();
            long readBytes;
            try (InputStream in = archive.open(anchor.sha256())) {
                readBytes = in.transferTo(OutputStream.nullOutputStream());
            }
            double readSeconds = (System.nanoTime() - readStart) / 1e9;

            double mib = sizeBytes / (1024.0 * 1024.0);
            System.out.printf("size %d bytes, sha256 %s, media type %s%n", sizeBytes, anchor.sha256(), anchor.mediaType());
            System.out.printf("upload (spool+hash+extract+put) %.1f s, %.1f MiB/s%n", uploadSeconds, mib / uploadSeconds);
            System.out.printf("verified read %.1f s, %.1f MiB/s%n", readSeconds, mib / readSeconds);
            System.out.printf("max heap %d MiB, peak heap used %d MiB%n",
                    Runtime.getRuntime().maxMemory() >> 20, peakHeapUsedBytes() >> 20);
            if (!anchor.sha256().equals(body.sha256()) || anchor.sizeBytes() != sizeBytes || readBytes != sizeBytes) {
                System.out.println("MISMATCH: stored " + anchor.sha256() + " generated " + body.sha256());
                System.exit(1);
            }
            System.out.println("verified");
        }
    }

    private static long peakHeapUsedBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Pseudo-random bytes (xorshift64), hashed as they are handed out. */
    static final class GeneratedBody extends InputStream {
        private final long sizeBytes;
        private final MessageDigest digest = Sha256.newDigest();
        private long position;
        private long state = 0x9E3779B97F4A7C15L;
        private String sha256;

        GeneratedBody(long sizeBytes) {
            this.sizeBytes = sizeBytes;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= sizeBytes) {
                if (sha256 == null) {
                    sha256 = Sha256.hex(digest);
                }
                return -1;
            }
            int n = (int) Math.min(length, sizeBytes - position);
            for (int i = 0; i < n; i++) {
                if ((i & 7) == 0) {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                }
                buffer[offset + i] = (byte) (state >>> ((i & 7) * 8));
            }
            digest.update(buffer, offset, n);
            position += n;
            return n;
        }

        String sha256() {
            return sha256;
        }
    }
}
