package org.cbamledger.connector.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Append-only index of what the ledger acknowledged, in sequence order: the forwarder's cursor.
 * Losing its tail is safe: those batches are sent again and the ledger answers an identical
 * envelope with the same receipt (CONTRACTS.md, 200 on replay).
 */
final class ReceiptIndex {
    static final String FILE = "receipts.log";

    private final Path path;
    private long acknowledgedThrough;
    private long sizeBytes;

    private ReceiptIndex(Path path) {
        this.path = path;
    }

    static ReceiptIndex open(Path dir, Segment.Logger log) throws IOException {
        ReceiptIndex index = new ReceiptIndex(dir.resolve(FILE));
        if (!Files.exists(index.path)) {
            return index;
        }
        try (FileChannel channel = FileChannel.open(index.path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long fileSize = channel.size();
            long offset = 0;
            while (offset < fileSize) {
                byte[] payload = Framing.readAt(channel, offset, fileSize);
                if (payload == null) {
                    log.tornRecordDiscarded(FILE, offset, fileSize - offset);
                    channel.truncate(offset);
                    channel.force(true);
                    break;
                }
                index.acknowledgedThrough = Math.max(index.acknowledgedThrough, ByteBuffer.wrap(payload).getLong());
                offset += Framing.HEADER_BYTES + payload.length;
            }
            index.sizeBytes = offset;
        }
        return index;
    }

    void append(long sequence, byte[] receipt) throws IOException {
        ByteBuffer framed = Framing.frame(payload(sequence, receipt));
        int length = framed.remaining();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            Framing.writeFully(channel, framed);
            channel.force(true);
        }
        sizeBytes += length;
        acknowledgedThrough = sequence;
    }

    /** Receipts with sequence at or after {@code fromSequence}, oldest first. */
    List<Receipt> receiptsFrom(long fromSequence) throws IOException {
        List<Receipt> receipts = new ArrayList<>();
        if (!Files.exists(path)) {
            return receipts;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            long offset = 0;
            while (offset < fileSize) {
                byte[] payload = Framing.readAt(channel, offset, fileSize);
                if (payload == null) {
                    break;
                }
                ByteBuffer buffer = ByteBuffer.wrap(payload);
                long sequence = buffer.getLong();
                if (sequence >= fromSequence) {
                    byte[] receipt = new byte[buffer.remaining()];
                    buffer.get(receipt);
                    receipts.add(new Receipt(sequence, receipt));
                }
                offset += Framing.HEADER_BYTES + payload.length;
            }
        }
        return receipts;
    }

    /** Rewrites the index without receipts older than {@code keepFrom} (write, fsync, atomic rename). */
    void compact(long keepFrom) throws IOException {
        List<Receipt> kept = receiptsFrom(keepFrom);
        Path temp = path.resolveSibling(FILE + ".tmp");
        long size = 0;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Receipt r : kept) {
                ByteBuffer framed = Framing.frame(payload(r.sequence(), r.receipt()));
                size += framed.remaining();
                Framing.writeFully(channel, framed);
            }
            channel.force(true);
        }
        Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Journal.forceDirectory(path.getParent());
        sizeBytes = size;
    }

    long acknowledgedThrough() {
        return acknowledgedThrough;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    private static byte[] payload(long sequence, byte[] receipt) {
        return ByteBuffer.allocate(8 + receipt.length).putLong(sequence).put(receipt).array();
    }

    /** What the ledger answered for one batch (the receipt JSON, or a rejection). */
    record Receipt(long sequence, byte[] receipt) {}
}
