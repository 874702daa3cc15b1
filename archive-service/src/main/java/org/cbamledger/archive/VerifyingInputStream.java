package org.cbamledger.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import org.cbamledger.signer.Sha256;

/**
 * Hashes every byte read and, at end of stream, throws {@link TamperedBlobIOException} instead of
 * returning -1 if the bytes do not hash to the expected SHA-256. A reader that stops before end of
 * stream has not had the content verified; a reader that saw -1 has.
 */
final class VerifyingInputStream extends FilterInputStream {
    private final String expectedSha256;
    private final MessageDigest digest = Sha256.newDigest();
    private long sizeBytes;
    private TamperedBlobIOException failure;
    private boolean verified;

    VerifyingInputStream(InputStream in, String expectedSha256) {
        super(in);
        this.expectedSha256 = expectedSha256;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b == -1) {
            return endOfStream();
        }
        digest.update((byte) b);
        sizeBytes++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n == -1) {
            return endOfStream();
        }
        digest.update(buffer, offset, n);
        sizeBytes += n;
        return n;
    }

    /** Skipping would leave bytes unhashed: skipped bytes are read and hashed. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r == -1) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readLimit) {}

    @Override
    public void reset() throws IOException {
        throw new IOException("mark/reset not supported on a verified read");
    }

    private int endOfStream() throws TamperedBlobIOException {
        if (failure != null) {
            throw failure;
        }
        if (!verified) {
            String actual = Sha256.hex(digest);
            if (!actual.equals(expectedSha256)) {
                failure = new TamperedBlobIOException(new DocumentTamperedException(expectedSha256, actual, sizeBytes));
                throw failure;
            }
            verified = true;
        }
        return -1;
    }
}
