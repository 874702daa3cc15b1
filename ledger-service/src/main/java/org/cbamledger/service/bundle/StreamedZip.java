package org.cbamledger.service.bundle;

import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import java.io.OutputStream;
import org.cbamledger.verifier.bundle.ZipSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A prepared bundle as a zip response body, written by its own thread while the response reads it: no file on disk,
 * memory a few pipe chunks and a page of entries. A failure mid-way ends the pipe with the error, so the response
 * aborts rather than ending a truncated zip as if complete.
 */
public final class StreamedZip {
    private static final Logger LOG = LoggerFactory.getLogger(StreamedZip.class);

    private StreamedZip() {}

    public static StreamedFile of(BundleExporter.PreparedBundle bundle, String what) {
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
        return new StreamedFile(pipe.source(), MediaType.of("application/zip"));
    }
}
