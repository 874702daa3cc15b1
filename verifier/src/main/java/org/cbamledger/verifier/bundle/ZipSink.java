package org.cbamledger.verifier.bundle;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A bundle written as a zip onto a stream as its files are produced (no file on disk): entries in the order written,
 * each dated 0 so equal bundles zip alike. {@link #finish()} writes the zip's central directory and leaves
 * {@code out} open for its owner to close. A name written twice fails, as a verifier refuses such a zip.
 */
public final class ZipSink implements BundleSink {
    private final ZipOutputStream zip;

    public ZipSink(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    @Override
    public void write(String file, byte[] content) throws IOException {
        try (OutputStream entry = open(file)) {
            entry.write(content);
        }
    }

    @Override
    public OutputStream open(String file) throws IOException {
        ZipEntry entry = new ZipEntry(file);
        entry.setTime(0);
        zip.putNextEntry(entry);
        return new FilterOutputStream(zip) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                zip.closeEntry();
            }
        };
    }

    /** An entry already streamed cannot be taken back: the export fails, and so does the response it was for. */
    @Override
    public void abandon(String file) {}

    @Override
    public void finish() throws IOException {
        zip.finish();
        zip.flush();
    }
}
