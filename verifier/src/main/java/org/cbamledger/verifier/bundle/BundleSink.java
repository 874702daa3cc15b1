package org.cbamledger.verifier.bundle;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where {@link BundleWriter} puts a bundle's files (api-spec/BUNDLE.md layout, paths relative to the bundle root,
 * '/'-separated): a directory ({@link DirectorySink}) or a zip stream ({@link ZipSink}). Each file is written once.
 */
public interface BundleSink {
    void write(String file, byte[] content) throws IOException;

    /** A stream for one file, to be closed before the next file is written. */
    OutputStream open(String file) throws IOException;

    /** Gives up a file written through {@link #open} whose content proved wrong, where the sink can. */
    void abandon(String file) throws IOException;

    /** After the last file. */
    void finish() throws IOException;
}
