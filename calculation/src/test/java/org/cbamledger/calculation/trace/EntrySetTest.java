package org.cbamledger.calculation.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;
import org.cbamledger.calculation.core.UsedEvidence;
import org.junit.jupiter.api.Test;

class EntrySetTest {
    private static UsedEvidence entry(long index) {
        return new UsedEvidence(index, "%064x".formatted(index * 7919), "meter-reading-batch");
    }

    private static List<UsedEvidence> entries(long... indexes) {
        return LongStream.of(indexes).mapToObj(EntrySetTest::entry).toList();
    }

    @Test
    void runs_writeConsecutiveIndexesAsFirstDashLast() {
        assertEquals("4-9,12,20-21", new EntrySet("meter-reading-batch", entries(4, 5, 6, 7, 8, 9, 12, 20, 21)).runs());
        assertEquals("0", new EntrySet("meter-reading-batch", entries(0)).runs());
    }

    @Test
    void leafHashesSha256_isTheDigestOfTheLeafHashesInIndexOrder() throws Exception {
        EntrySet set = new EntrySet("meter-reading-batch", entries(3, 10));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(HexFormat.of().parseHex(entry(3).leafHashHex()));
        sha256.update(HexFormat.of().parseHex(entry(10).leafHashHex()));
        assertEquals(HexFormat.of().formatHex(sha256.digest()), set.leafHashesSha256());
        assertEquals(2, set.toJson().get("count").asInt());
        UsedEvidence edited = new UsedEvidence(10, "%064x".formatted(1), "meter-reading-batch");
        assertNotEquals(set.leafHashesSha256(), new EntrySet("meter-reading-batch", List.of(entry(3), edited)).leafHashesSha256());
    }

    @Test
    void entrySet_refusesIndexesOutOfOrderOrTwice_andNoEntries() {
        assertThrows(IllegalArgumentException.class, () -> new EntrySet("meter-reading-batch", entries(5, 4)));
        assertThrows(IllegalArgumentException.class, () -> new EntrySet("meter-reading-batch", entries(5, 5)));
        assertThrows(IllegalArgumentException.class, () -> new EntrySet("meter-reading-batch", List.of()));
    }
}
