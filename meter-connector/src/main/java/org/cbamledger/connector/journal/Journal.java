package org.cbamledger.connector.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable store-and-forward journal: every signed batch is appended (CRC-framed, fsynced)
 * before anything is sent. Record numbers are consecutive from 1 and never reused; a batch's device
 * sequence (meter-reading-batch schema, from 0) is its record number minus one.
 * Segments the ledger fully acknowledged are deleted, except the newest, which keeps the last
 * sequence number known across restarts.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final String SEGMENTS = "segments";
    /** The disk alarm fires at this share of the bound. */
    public static final double ALARM_SHARE = 0.8;

    private final Path dir;
    private final long boundBytes;
    private final long segmentBytes;
    private final List<Segment> segments;
    private final ReceiptIndex receipts;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean alarm;

    private Journal(Path dir, long boundBytes, long segmentBytes, List<Segment> segments, ReceiptIndex receipts,
            FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.boundBytes = boundBytes;
        this.segmentBytes = segmentBytes;
        this.segments = segments;
        this.receipts = receipts;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (or creates) the journal in {@code dir}, holding an exclusive lock on it until closed.
     * A torn last record is detected by its CRC and discarded.
     */
    public static Journal open(Path dir, long boundBytes, long segmentBytes) throws JournalException {
        if (segmentBytes <= 0 || boundBytes < 2 * segmentBytes) {
            throw new JournalException("journal bound (" + boundBytes + " bytes) must be at least twice the segment size ("
                    + segmentBytes + " bytes)");
        }
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir.resolve(SEGMENTS));
            lockChannel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new JournalException("journal " + dir + " is in use by another process");
            }
            Segment.Logger log = (file, offset, bytes) -> LOG.warn(
                    "journal: discarded a torn record in {} at offset {} ({} bytes, CRC or length check failed)",
                    file, offset, bytes);
            List<Path> files;
            try (Stream<Path> list = Files.list(dir.resolve(SEGMENTS))) {
                files = list.filter(p -> p.getFileName().toString().endsWith(Segment.SUFFIX)).sorted().toList();
            }
            List<Segment> segments = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Segment segment = Segment.scan(files.get(i), i == files.size() - 1, log);
                if (!segments.isEmpty() && segment.firstSequence() != segments.getLast().lastSequence() + 1) {
                    throw new JournalException("journal segment " + files.get(i).getFileName()
                            + " does not follow sequence " + segments.getLast().lastSequence());
                }
                segments.add(segment);
            }
            ReceiptIndex receipts = ReceiptIndex.open(dir, log);
            Journal journal = new Journal(dir, boundBytes, segmentBytes, segments, receipts, lockChannel, lock);
            journal.updateAlarm();
            return journal;
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new JournalException("journal " + dir + " cannot be opened: " + e, e);
        } catch (JournalException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /** The sequence number the next appended batch must carry. */
    public synchronized long nextSequence() {
        return lastSequence() + 1;
    }

    /** The newest journalled sequence, 0 if none. */
    public synchronized long lastSequence() {
        if (segments.isEmpty()) {
            return receipts.acknowledgedThrough();
        }
        return segments.getLast().lastSequence();
    }

    public synchronized long acknowledgedThrough() {
        return receipts.acknowledgedThrough();
    }

    /** Appends and fsyncs one batch; {@code sequence} must be {@link #nextSequence()}. */
    public synchronized void append(long sequence, byte[] envelope, byte[] metadata) throws JournalException {
        if (sequence != nextSequence()) {
            throw new JournalException("journal append out of order: got sequence " + sequence + ", expected "
                    + nextSequence());
        }
        byte[] payload = ByteBuffer.allocate(8 + 4 + envelope.length + metadata.length).putLong(sequence)
                .putInt(envelope.length).put(envelope).put(metadata).array();
        ByteBuffer framed = Framing.frame(payload);
        long recordBytes = framed.remaining();
        if (usedBytes() + recordBytes > boundBytes) {
            updateAlarm();
            throw new JournalFullException("journal " + dir + " is full: " + usedBytes() + " of " + boundBytes
                    + " bytes used; record " + sequence + " not written");
        }
        try {
            if (segments.isEmpty() || segments.getLast().sizeBytes() + recordBytes > segmentBytes
                    && segments.getLast().sizeBytes() > 0) {
                segments.add(Segment.create(dir.resolve(SEGMENTS), sequence));
            }
            boolean newFile = segments.getLast().sizeBytes() == 0;
            segments.getLast().append(framed);
            if (newFile) {
                forceDirectory(dir.resolve(SEGMENTS));
            }
        } catch (IOException e) {
            throw new JournalException("journal append of record " + sequence + " failed: " + e, e);
        }
        updateAlarm();
    }

    /** The journalled batch with this sequence, if still retained. */
    public synchronized Optional<JournalRecord> read(long sequence) throws JournalException {
        for (Segment segment : segments) {
            if (segment.contains(sequence)) {
                try {
                    return Optional.of(decode(segment.payload(sequence)));
                } catch (IOException e) {
                    throw new JournalException("journal read of record " + sequence + " failed: " + e, e);
                }
            }
        }
        return Optional.empty();
    }

    /** The oldest batch the ledger has not acknowledged yet. */
    public synchronized Optional<JournalRecord> nextUnacknowledged() throws JournalException {
        return read(receipts.acknowledgedThrough() + 1);
    }

    /** Records the ledger's answer for the next unacknowledged batch, then drops segments no longer needed. */
    public synchronized void acknowledge(long sequence, byte[] receiptJson) throws JournalException {
        long expected = receipts.acknowledgedThrough() + 1;
        if (sequence != expected) {
            throw new JournalException("acknowledgement out of order: got " + sequence + ", expected " + expected);
        }
        try {
            receipts.append(sequence, receiptJson);
            boolean deleted = false;
            while (segments.size() > 1 && segments.getFirst().lastSequence() <= sequence) {
                segments.removeFirst().delete();
                deleted = true;
            }
            if (deleted) {
                forceDirectory(dir.resolve(SEGMENTS));
                if (receipts.sizeBytes() > segmentBytes) {
                    receipts.compact(segments.getFirst().firstSequence());
                }
            }
        } catch (IOException e) {
            throw new JournalException("journal acknowledgement of record " + sequence + " failed: " + e, e);
        }
        updateAlarm();
    }

    /** Receipts (ledger answers as JSON) from {@code fromSequence} on, oldest first. */
    public synchronized List<byte[]> receiptsFrom(long fromSequence) throws JournalException {
        try {
            return receipts.receiptsFrom(fromSequence).stream().map(ReceiptIndex.Receipt::receipt).toList();
        } catch (IOException e) {
            throw new JournalException("receipt index cannot be read: " + e, e);
        }
    }

    /** Every record of the newest segment, oldest first: what a restart replays its state from. */
    public synchronized List<JournalRecord> newestSegmentRecords() throws JournalException {
        List<JournalRecord> records = new ArrayList<>();
        if (segments.isEmpty()) {
            return records;
        }
        Segment last = segments.getLast();
        for (long s = last.firstSequence(); s <= last.lastSequence(); s++) {
            records.add(read(s).orElseThrow());
        }
        return records;
    }

    public synchronized long usedBytes() {
        return segments.stream().mapToLong(Segment::sizeBytes).sum() + receipts.sizeBytes();
    }

    /** Bytes a batch of this envelope and metadata size takes in the journal, framing included. */
    public static long recordBytes(int envelopeBytes, int metadataBytes) {
        return Framing.HEADER_BYTES + 8 + 4 + envelopeBytes + metadataBytes;
    }

    public synchronized long freeBytes() {
        return boundBytes - usedBytes();
    }

    public long boundBytes() {
        return boundBytes;
    }

    public synchronized boolean diskAlarm() {
        return alarm;
    }

    public synchronized long pendingBatches() {
        return lastSequence() - receipts.acknowledgedThrough();
    }

    public Path dir() {
        return dir;
    }

    private void updateAlarm() {
        boolean now = usedBytes() >= ALARM_SHARE * boundBytes;
        if (now && !alarm) {
            LOG.warn("DISK ALARM: journal {} uses {} of {} bytes ({}%), at or above {}% of its bound; the ledger is"
                    + " not taking batches fast enough", dir, usedBytes(), boundBytes,
                    Math.round(100.0 * usedBytes() / boundBytes), Math.round(ALARM_SHARE * 100));
        } else if (!now && alarm) {
            LOG.info("disk alarm cleared: journal {} uses {} of {} bytes", dir, usedBytes(), boundBytes);
        }
        alarm = now;
    }

    private static JournalRecord decode(byte[] payload) {
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        long sequence = buffer.getLong();
        byte[] envelope = new byte[buffer.getInt()];
        buffer.get(envelope);
        byte[] metadata = new byte[buffer.remaining()];
        buffer.get(metadata);
        return new JournalRecord(sequence, envelope, metadata);
    }

    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after a failure: the original error is what matters
            }
        }
    }

    @Override
    public synchronized void close() throws JournalException {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new JournalException("journal " + dir + " cannot be closed: " + e, e);
        }
    }
}
