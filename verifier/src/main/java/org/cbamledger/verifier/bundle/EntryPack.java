package org.cbamledger.verifier.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A v2 bundle's packed entries file, {@code entries/<n>.pack} (api-spec/BUNDLE.md): records of the entry's leaf index
 * (big-endian uint64), its length (big-endian uint32) and its exact bytes, one after another, with nothing between or
 * after. Not C2SP tlog-tiles entry bundles: their uint16 length cannot hold an entry of 65,536 bytes (the largest
 * the ledger accepts), and they hold every entry of a tile, where a room bundle holds a sparse subset.
 */
public final class EntryPack {
    /** Entries per pack file the writer puts at most (readers take any count the manifest states). */
    public static final int MAX_ENTRIES = 4_096;
    static final int HEADER_BYTES = 12;

    private EntryPack() {}

    public static void append(OutputStream out, long index, byte[] entry) throws IOException {
        byte[] header = new byte[HEADER_BYTES];
        for (int i = 0; i < 8; i++) {
            header[i] = (byte) (index >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            header[8 + i] = (byte) (entry.length >>> (24 - 8 * i));
        }
        out.write(header);
        out.write(entry);
    }

    /** One packed entry. */
    public record Packed(long index, byte[] bytes) {}

    /** Reads a pack's records in order, refusing a truncated record and an entry over {@code maxEntryBytes}. */
    public static final class Reader {
        private final InputStream in;
        private final String file;
        private final int maxEntryBytes;

        public Reader(InputStream in, String file, int maxEntryBytes) {
            this.in = in;
            this.file = file;
            this.maxEntryBytes = maxEntryBytes;
        }

        /** The next entry, or null at the end of the file. */
        public Packed next() throws IOException, BundleException {
            byte[] header = in.readNBytes(HEADER_BYTES);
            if (header.length == 0) {
                return null;
            }
            if (header.length < HEADER_BYTES) {
                throw new BundleException(file + ": malformed: a record header ends early");
            }
            long index = 0;
            for (int i = 0; i < 8; i++) {
                index = (index << 8) | (header[i] & 0xff);
            }
            long length = 0;
            for (int i = 8; i < HEADER_BYTES; i++) {
                length = (length << 8) | (header[i] & 0xff);
            }
            if (index < 0) {
                throw new BundleException(file + ": malformed: leaf index " + Long.toUnsignedString(index) + " is too large");
            }
            if (length > maxEntryBytes) {
                throw new BundleException(file + ": malformed: the entry at leaf " + index + " states " + length
                        + " bytes, more than " + maxEntryBytes);
            }
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length < length) {
                throw new BundleException(file + ": malformed: the entry at leaf " + index + " states " + length
                        + " bytes, the file ends after " + bytes.length);
            }
            return new Packed(index, bytes);
        }
    }
}
