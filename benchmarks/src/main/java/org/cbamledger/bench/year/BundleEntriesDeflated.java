package org.cbamledger.bench.year;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a bundle's entries alone take deflated (the zip's own level, one stream over their bytes concatenated in index
 * order), to hold the zip against (issue 14: at most 1.1 times). Read from the v2 zip's packs (BUNDLE.md: each record
 * a big-endian uint64 leaf index, a uint32 length and the entry's bytes).
 */
final class BundleEntriesDeflated {
    private BundleEntriesDeflated() {}

    /** {@code [entries' bytes, their deflated bytes]}. */
    static long[] measure(Path zip) throws IOException {
        CountingStream counted = new CountingStream();
        long raw = 0;
        // a Deflater handed to the stream is not ended by it: its native memory is freed here, not left to the GC
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (ZipFile file = new ZipFile(zip.toFile()); DeflaterOutputStream deflated = new DeflaterOutputStream(counted, deflater)) {
            for (ZipEntry entry : Collections.list(file.entries()).stream()
                    .filter(e -> e.getName().matches("entries/[0-9]+\\.pack"))
                    .sorted((a, b) -> Long.compare(number(a), number(b))).toList()) {
                try (DataInputStream in = new DataInputStream(file.getInputStream(entry))) {
                    raw += copyEntries(in, deflated);
                }
            }
        } finally {
            deflater.end();
        }
        if (raw == 0) {
            throw new IOException(zip + " holds no entries/<n>.pack: not a format v2 bundle");
        }
        return new long[] {raw, counted.count};
    }

    private static long copyEntries(DataInputStream in, DeflaterOutputStream out) throws IOException {
        long bytes = 0;
        while (true) {
            try {
                in.readLong();
            } catch (EOFException end) {
                return bytes;
            }
            byte[] entry = in.readNBytes(in.readInt());
            out.write(entry);
            bytes += entry.length;
        }
    }

    private static long number(ZipEntry pack) {
        return Long.parseLong(pack.getName().replaceAll("[^0-9]", ""));
    }

    private static final class CountingStream extends java.io.OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
