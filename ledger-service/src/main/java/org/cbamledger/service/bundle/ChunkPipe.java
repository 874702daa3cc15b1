package org.cbamledger.service.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe from the thread writing a bundle to whichever threads read the response (the JDK's piped streams
 * fail once the thread that last read has ended, which a server's reads do): at most {@value #CHUNKS} chunks of
 * {@value #CHUNK_BYTES} bytes in flight. The writer ends it with {@link #sink()}'s close or {@link #fail}; a reader
 * that closes early makes the writer's next chunk fail.
 */
final class ChunkPipe {
    static final int CHUNK_BYTES = 64 * 1024;
    static final int CHUNKS = 8;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private volatile boolean readerClosed;

    OutputStream sink() {
        return new BufferedOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                put(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (length > 0) {
                    put(Arrays.copyOfRange(bytes, offset, offset + length));
                }
            }

            @Override
            public void close() throws IOException {
                put(END);
            }
        }, CHUNK_BYTES);
    }

    /** Ends the stream with an error: the reader's next read throws it instead of seeing a clean end. */
    void fail(Exception cause) {
        try {
            put(new IOException("the bundle export failed: " + cause.getMessage(), cause));
        } catch (IOException readerGone) {
            // nobody reads any more
        }
    }

    InputStream source() {
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int at;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                while (at == chunk.length) {
                    if (ended) {
                        return -1;
                    }
                    next();
                }
                int n = Math.min(length, chunk.length - at);
                System.arraycopy(chunk, at, into, offset, n);
                at += n;
                return n;
            }

            private void next() throws IOException {
                Object taken;
                try {
                    taken = chunks.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the bundle", e);
                }
                if (taken instanceof IOException failure) {
                    ended = true;
                    throw failure;
                }
                chunk = (byte[]) taken;
                at = 0;
                ended = chunk == END;
            }

            @Override
            public void close() {
                readerClosed = true;
                chunks.clear();
            }
        };
    }

    private void put(Object item) throws IOException {
        try {
            while (!readerClosed) {
                if (chunks.offer(item, 1, TimeUnit.SECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while streaming the bundle", e);
        }
        throw new IOException("the response was closed before the bundle was complete");
    }
}
