package org.cbamledger.connector.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final long BOUND = 64 * 1024;
    private static final long SEGMENT = 4 * 1024;

    @TempDir
    Path dir;

    private static byte[] envelope(long sequence) {
        return ("{\"payloadType\":\"t\",\"payload\":\"" + "x".repeat(200) + sequence + "\",\"signatures\":[]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void appendN(Journal journal, int n) throws JournalException {
        for (int i = 0; i < n; i++) {
            long s = journal.nextSequence();
            journal.append(s, envelope(s), ("meta" + s).getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> list = Files.list(dir.resolve("segments"))) {
            return list.sorted().toList();
        }
    }

    @Test
    void append_survivesReopenWithSequenceAndBytesIntact() throws Exception {
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            appendN(journal, 30);
        }
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            assertEquals(30, journal.lastSequence());
            assertEquals(31, journal.nextSequence());
            for (long s = 1; s <= 30; s++) {
                JournalRecord r = journal.read(s).orElseThrow();
                assertArrayEquals(envelope(s), r.envelope());
                assertArrayEquals(("meta" + s).getBytes(StandardCharsets.UTF_8), r.metadata());
            }
            assertTrue(segmentFiles().size() > 1, "small segments roll over");
        }
    }

    @Test
    void tornLastRecord_isDetectedByCrcAndDiscarded() throws Exception {
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            appendN(journal, 3);
        }
        Path last = segmentFiles().getLast();
        long size = Files.size(last);
        // a crash in the middle of writing record 3: its tail never reached the disk
        try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
            channel.truncate(size - 50);
        }
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            assertEquals(2, journal.lastSequence());
            assertTrue(journal.read(3).isEmpty());
            appendN(journal, 1);
            assertArrayEquals(envelope(3), journal.read(3).orElseThrow().envelope());
        }
    }

    @Test
    void lastRecordWithFlippedByte_failsItsCrcAndIsDiscarded() throws Exception {
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            appendN(journal, 2);
        }
        Path last = segmentFiles().getLast();
        byte[] bytes = Files.readAllBytes(last);
        bytes[bytes.length - 10] ^= 0x55;
        Files.write(last, bytes);
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            assertEquals(1, journal.lastSequence());
        }
    }

    @Test
    void corruptionBeforeTheLastSegment_refusesToOpen() throws Exception {
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            appendN(journal, 40);
        }
        Path first = segmentFiles().getFirst();
        byte[] bytes = Files.readAllBytes(first);
        bytes[20] ^= 0x01;
        Files.write(first, bytes);
        JournalException e = assertThrows(JournalException.class, () -> Journal.open(dir, BOUND, SEGMENT));
        assertEquals("journal segment " + first.getFileName() + " is corrupt at offset 0", e.getMessage());
    }

    @Test
    void acknowledged_survivesReopenAndFreesOldSegments() throws Exception {
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            appendN(journal, 40);
            int before = segmentFiles().size();
            for (long s = 1; s <= 35; s++) {
                journal.acknowledge(s, ("{\"index\":" + (s - 1) + "}").getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(segmentFiles().size() < before);
            assertEquals(5, journal.pendingBatches());
        }
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            assertEquals(35, journal.acknowledgedThrough());
            assertEquals(36, journal.nextUnacknowledged().orElseThrow().sequence());
            assertEquals(40, journal.lastSequence());
        }
    }

    @Test
    void everythingAcknowledged_stillKnowsTheNextSequenceAfterReopen() throws Exception {
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            appendN(journal, 40);
            for (long s = 1; s <= 40; s++) {
                journal.acknowledge(s, "{}".getBytes(StandardCharsets.UTF_8));
            }
        }
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            assertEquals(41, journal.nextSequence());
            assertTrue(journal.nextUnacknowledged().isEmpty());
        }
    }

    @Test
    void acknowledgeOutOfOrder_isRefused() throws Exception {
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            appendN(journal, 2);
            JournalException e = assertThrows(JournalException.class, () -> journal.acknowledge(2, new byte[0]));
            assertEquals("acknowledgement out of order: got 2, expected 1", e.getMessage());
        }
    }

    @Test
    void diskBound_raisesAlarmAt80PercentAndRefusesAppendsBeyondIt() throws Exception {
        try (Journal journal = Journal.open(dir, 16 * 1024, 4 * 1024)) {
            while (journal.usedBytes() < 0.8 * 16 * 1024) {
                assertFalse(journal.diskAlarm());
                appendN(journal, 1);
            }
            assertTrue(journal.diskAlarm());
            long before = journal.lastSequence();
            JournalFullException full = assertThrows(JournalFullException.class, () -> {
                while (true) {
                    appendN(journal, 1);
                }
            });
            assertTrue(full.getMessage().contains("is full"), full.getMessage());
            assertTrue(journal.usedBytes() <= 16 * 1024);
            for (long s = 1; s <= journal.lastSequence(); s++) {
                journal.acknowledge(s, new byte[0]);
            }
            assertTrue(journal.lastSequence() > before);
            assertFalse(journal.diskAlarm(), "acknowledged segments are freed and the alarm clears");
        }
    }

    @Test
    void secondOpen_isRefusedWhileTheFirstHoldsTheLock() throws Exception {
        try (Journal journal = Journal.open(dir, BOUND, SEGMENT)) {
            JournalException e = assertThrows(JournalException.class, () -> Journal.open(dir, BOUND, SEGMENT));
            assertEquals("journal " + dir + " is in use by another process", e.getMessage());
        }
    }
}
