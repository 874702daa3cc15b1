package org.cbamledger.connector.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Record framing shared by segments and the receipt index: {@code length (4) | CRC-32C of payload (4) | payload}.
 * A record whose length runs past the end of the file, or whose CRC does not match, is torn.
 */
final class Framing {
    static final int HEADER_BYTES = 8;
    static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private Framing() {}

    static ByteBuffer frame(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        buffer.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
        return buffer;
    }

    /** The payload at {@code offset}, or null if the record there is torn or the file ends. */
    static byte[] readAt(FileChannel channel, long offset, long fileSize) throws IOException {
        if (offset + HEADER_BYTES > fileSize) {
            return null;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        readFully(channel, header, offset);
        header.flip();
        int length = header.getInt();
        int expectedCrc = header.getInt();
        if (length < 0 || length > MAX_PAYLOAD_BYTES || offset + HEADER_BYTES + length > fileSize) {
            return null;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(channel, payload, offset + HEADER_BYTES);
        CRC32C crc = new CRC32C();
        crc.update(payload.array());
        return (int) crc.getValue() == expectedCrc ? payload.array() : null;
    }

    static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + at);
            }
            at += n;
        }
    }
}
