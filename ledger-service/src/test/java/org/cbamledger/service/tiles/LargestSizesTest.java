package org.cbamledger.service.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class LargestSizesTest {
    private final Deque<Long> answers = new ArrayDeque<>();
    private final List<String> reads = new ArrayList<>();
    private final LargestSizes sizes = new LargestSizes(logId -> {
        reads.add(logId);
        return answers.removeFirst();
    });

    @Test
    void aSizeWithinTheLargestSeen_isAnsweredWithoutARead() throws Exception {
        assertEquals(0, sizes.seen("a"), "nothing seen before the first read");
        answers.add(300L);
        assertEquals(300, sizes.atLeast("a", 1));
        assertEquals(300, sizes.atLeast("a", 300));
        assertEquals(300, sizes.seen("a"));
        assertEquals(List.of("a"), reads);
    }

    @Test
    void aLargerSize_isReadAgain_perLog() throws Exception {
        answers.addAll(List.of(10L, 20L, 5L));
        assertEquals(10, sizes.atLeast("a", 1));
        assertEquals(20, sizes.atLeast("a", 11));
        assertEquals(5, sizes.atLeast("b", 1), "another log has its own size");
        assertEquals(List.of("a", "a", "b"), reads);
    }

    /** A read that answers less than seen (a replica behind the primary) does not shrink what was seen. */
    @Test
    void aSmallerAnswer_neverShrinksTheLargestSeen() throws Exception {
        answers.addAll(List.of(50L, 40L));
        assertEquals(50, sizes.atLeast("a", 1));
        assertEquals(50, sizes.atLeast("a", 60), "still 50, below the 60 wanted: the caller refuses");
        assertEquals(50, sizes.seen("a"));
    }
}
