package org.cbamledger.signer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.cbamledger.signer.ProofException;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IndexKeysTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void calculation_isIndexedUnderEveryMonthOfItsPeriod() {
        List<IndexKey> keys = IndexKeys.of(json("{\"kind\":\"calculation\",\"installation\":{\"installationId\":\"RS-1\"},"
                + "\"period\":{\"from\":\"2026-02-15\",\"to\":\"2026-04-01\"}}"));
        assertEquals(List.of("index:RS-1:calculation:2026-02", "index:RS-1:calculation:2026-03",
                "index:RS-1:calculation:2026-04"), keys.stream().map(IndexKey::text).toList());
    }

    @Test
    void supplySettlement_isIndexedUnderItsMonth_andRecordsWithoutInstallationAreNot() {
        assertEquals(List.of("index:RS-1:supply-settlement:2026-05"), IndexKeys.of(json(
                "{\"kind\":\"supply-settlement\",\"installationId\":\"RS-1\",\"month\":\"2026-05\"}")).stream()
                .map(IndexKey::text).toList());
        assertEquals(List.of(), IndexKeys.of(json("{\"kind\":\"key-registration\",\"keyId\":\"ab\"}")));
        assertEquals(List.of(), IndexKeys.of(json("{\"kind\":\"meter-reading-batch\",\"meterId\":\"M-1\"}")));
    }

    @Test
    void indexes_isTrueExactlyForTheKindsOfIsIndexes() {
        assertTrue(IndexKeys.indexes(Kinds.CALCULATION));
        assertTrue(IndexKeys.indexes(Kinds.SUPPLY_SETTLEMENT));
        assertFalse(IndexKeys.indexes(Kinds.METER_READING_BATCH));
        assertFalse(IndexKeys.indexes(Kinds.KEY_REGISTRATION));
        assertFalse(IndexKeys.indexes(""));
    }

    @Test
    void roomScope_isEachRoomKindInEachMonthOfThePeriod() {
        List<IndexKey> scope = IndexKeys.roomScope("RS-1", LocalDate.parse("2026-01-10"), LocalDate.parse("2026-03-31"));
        assertEquals(IndexKeys.ROOM_KINDS.size() * 3, scope.size());
    }

    @Test
    void proofs_proveLeavesAndAbsence_andAChangedListFails() throws Exception {
        IndexKey jan = IndexKeys.of(json("{\"kind\":\"fuel-consumption\",\"installationId\":\"RS-1\","
                + "\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2026-01-31\"}")).getFirst();
        EntryIndexMap map = new EntryIndexMap(Map.<IndexKey, SortedSet<Long>>of(jan, new TreeSet<>(List.of(4L, 9L))));
        IndexProof proof = IndexProof.fromJson(map.prove(jan).toJson());
        proof.verify(map.rootHash());
        assertEquals(List.of(4L, 9L), proof.value().leaves());
        IndexKey feb = new IndexKey("RS-1", "fuel-consumption", jan.month().plusMonths(1));
        map.prove(feb).verify(map.rootHash());
        IndexProof dropped = new IndexProof(new IndexValue(jan, List.of(4L)), proof.proof());
        assertThrows(ProofException.class, () -> dropped.verify(map.rootHash()));
    }
}
