package org.cbamledger.service.bundle;

import java.io.InputStream;
import java.io.OutputStream;
import org.cbamledger.verifier.bundle.ZipSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A prepared bundle as the bytes of a zip, written by its own thread while the response reads it: no file on disk,
 * memory a few pipe chunks and a page of entries. A failure mid-way ends the pipe with the error, so the response
 * aborts rather than ending a truncated zip as if complete.
 */
public final class StreamedZip {
    private static final Logger LOG = LoggerFactory.getLogger(StreamedZip.class);

    private StreamedZip() {}

    /** The zip's bytes as they are written. */
    public static InputStream of(BundleExporter.PreparedBundle bundle, String what) {
        ChunkPipe pipe = new ChunkPipe();
        Thread.ofVirtual().name("bundle-zip").start(() -> {
            // closed only on success: a failure must reach the reader as an error, not as the end of the zip
            OutputStream out = pipe.sink();
            try {
                bundle.writeTo(new ZipSink(out));
                out.close();
            } catch (Exception e) {
                LOG.warn("streaming the bundle of {} stopped: {}", what, e.toString());
                pipe.fail(e);
            }
        });
        return pipe.source();
    }
}
