package org.cbamledger.connector.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** One append-only journal file holding consecutive sequence numbers, named after its first one. */
final class Segment {
    static final String SUFFIX = ".seg";

    private final Path path;
    private final long firstSequence;
    private final List<Long> offsets = new ArrayList<>();
    private long sizeBytes;

    private Segment(Path path, long firstSequence) {
        this.path = path;
        this.firstSequence = firstSequence;
    }

    static Path pathFor(Path dir, long firstSequence) {
        return dir.resolve(String.format("%020d", firstSequence) + SUFFIX);
    }

    static Segment create(Path dir, long firstSequence) {
        return new Segment(pathFor(dir, firstSequence), firstSequence);
    }

    /**
     * Scans a segment. A torn record is cut off when {@code last} (a crash during its write);
     * anywhere else it is corruption.
     */
    static Segment scan(Path path, boolean last, Logger log) throws JournalException, IOException {
        String name = path.getFileName().toString();
        long first = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        Segment segment = new Segment(path, first);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long fileSize = channel.size();
            long offset = 0;
            while (offset < fileSize) {
                byte[] payload = Framing.readAt(channel, offset, fileSize);
                if (payload == null) {
                    if (!last) {
                        throw new JournalException("journal segment " + name + " is corrupt at offset " + offset);
                    }
                    log.tornRecordDiscarded(name, offset, fileSize - offset);
                    channel.truncate(offset);
                    channel.force(true);
                    break;
                }
                long sequence = ByteBuffer.wrap(payload).getLong();
                long expected = first + segment.offsets.size();
                if (sequence != expected) {
                    throw new JournalException("journal segment " + name + " holds sequence " + sequence
                            + " where " + expected + " was expected");
                }
                segment.offsets.add(offset);
                offset += Framing.HEADER_BYTES + payload.length;
            }
            segment.sizeBytes = offset;
        }
        return segment;
    }

    /** Callback for what a scan repaired. */
    interface Logger {
        void tornRecordDiscarded(String segment, long offset, long bytes);
    }

    void append(ByteBuffer framed) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            long offset = channel.size();
            int length = framed.remaining();
            Framing.writeFully(channel, framed);
            channel.force(true);
            offsets.add(offset);
            sizeBytes = offset + length;
        }
    }

    byte[] payload(long sequence) throws IOException {
        int i = (int) (sequence - firstSequence);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            byte[] payload = Framing.readAt(channel, offsets.get(i), channel.size());
            if (payload == null) {
                throw new IOException("journal record " + sequence + " in " + path.getFileName() + " no longer reads back");
            }
            return payload;
        }
    }

    boolean contains(long sequence) {
        return sequence >= firstSequence && sequence < firstSequence + offsets.size();
    }

    long firstSequence() {
        return firstSequence;
    }

    /** The last sequence in this segment, or firstSequence - 1 when empty. */
    long lastSequence() {
        return firstSequence + offsets.size() - 1;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    void delete() throws IOException {
        Files.deleteIfExists(path);
    }

    Path path() {
        return path;
    }
}
