package org.cbamledger.verifier.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's payload spill gives back exactly what it was given, to many threads at once, and leaves no file. */
class PayloadSpillTest {
    @TempDir
    Path tmp;

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }

    @Test
    void payloadsAppendedInBatches_readBackExactly_fromManyThreads() throws IOException {
        Random random = new Random(7);
        byte[][] first = {bytes(random, 5_000), null, bytes(random, 0), bytes(random, 70_000)};
        byte[][] second = {bytes(random, 1), bytes(random, 4_321), bytes(random, 3 * 1024 * 1024 + 17)};
        try (PayloadSpill spill = PayloadSpill.open(tmp)) {
            long firstAt = spill.append(first);
            long secondAt = spill.append(second);

            assertEquals(0, firstAt);
            assertEquals(75_000, secondAt, "the null payload (an unreadable entry) takes no room");
            IntStream.range(0, 2_000).parallel().forEach(i -> {
                assertArrayEquals(first[3], spill.read(5_000, 70_000));
                assertArrayEquals(second[1], spill.read(secondAt + 1, 4_321));
            });
            assertArrayEquals(first[0], spill.read(0, 5_000));
            assertArrayEquals(second[0], spill.read(secondAt, 1));
            assertArrayEquals(second[2], spill.read(secondAt + 1 + 4_321, second[2].length), "written a mebibyte at a time");
        }
    }

    @Test
    void readingPastTheEnd_isAnError_notZeros() throws IOException {
        try (PayloadSpill spill = PayloadSpill.open(tmp)) {
            spill.append(new byte[][] {new byte[10]});

            assertThrows(UncheckedIOException.class, () -> spill.read(5, 10));
        }
    }

    @Test
    void theSpillFile_isNotLeftInTheTemporaryDirectory() throws IOException {
        try (PayloadSpill spill = PayloadSpill.open(tmp)) {
            spill.append(new byte[][] {new byte[100]});

            assertEquals(List.of(), files(), "removed from the directory while open");
            assertArrayEquals(new byte[100], spill.read(0, 100));
        }
        assertEquals(List.of(), files());
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
