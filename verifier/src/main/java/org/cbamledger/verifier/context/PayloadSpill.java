package org.cbamledger.verifier.context;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The scanned entries' payloads, written one after another to a file in the temporary directory that is gone when the
 * verification ends (removed from the directory as soon as it is open, where the system allows), and read back by
 * position. A plant's year is 0.9 GB of payloads: held in the heap they would not fit a verifier's gigabyte, and
 * deflating them to fit cost more CPU than the signature checks' SHA-512; the page cache holds them instead.
 */
final class PayloadSpill implements Closeable {
    private static final int WRITE_BYTES = 1 << 20;
    private final FileChannel channel;
    private long length;

    private PayloadSpill(FileChannel channel) {
        this.channel = channel;
    }

    /** A spill in the JVM's temporary directory ({@code java.io.tmpdir}). */
    static PayloadSpill open() throws IOException {
        return open(Path.of(System.getProperty("java.io.tmpdir")));
    }

    static PayloadSpill open(Path directory) throws IOException {
        Path file = Files.createTempFile(directory, "cbam-verify-", ".payloads");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        try {
            Files.deleteIfExists(file); // POSIX: the open channel still reads and writes it
        } catch (IOException e) {
            // a system that keeps open files in place: DELETE_ON_CLOSE removes it
        }
        return new PayloadSpill(channel);
    }

    /** Appends {@code payloads} one after another; the position of the first. */
    long append(byte[][] payloads) throws IOException {
        int total = 0;
        for (byte[] payload : payloads) {
            total += payload == null ? 0 : payload.length;
        }
        ByteBuffer all = ByteBuffer.allocate(total);
        for (byte[] payload : payloads) {
            if (payload != null) {
                all.put(payload);
            }
        }
        all.flip();
        long first = length;
        while (all.hasRemaining()) {
            // at most a mebibyte a call: the JDK copies each write through a direct buffer it keeps per thread
            ByteBuffer chunk = all.slice(all.position(), Math.min(all.remaining(), WRITE_BYTES));
            while (chunk.hasRemaining()) {
                channel.write(chunk, first + all.position() + chunk.position());
            }
            all.position(all.position() + chunk.limit());
        }
        length += total;
        return first;
    }

    /** The {@code bytes} bytes from {@code position}; safe to call from several threads at once. */
    byte[] read(long position, int bytes) {
        ByteBuffer into = ByteBuffer.allocate(bytes);
        try {
            while (into.hasRemaining()) {
                if (channel.read(into, position + into.position()) < 0) {
                    throw new IOException("the payload spill ends before " + (position + bytes) + " bytes");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a payload back from the verifier's spill file", e);
        }
        return into.array();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
