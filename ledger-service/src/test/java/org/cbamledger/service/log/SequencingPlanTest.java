package org.cbamledger.service.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.DeviceBatch;
import org.cbamledger.service.store.KeyRegistration;
import org.cbamledger.service.store.KeyRevocation;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;

/** The checks one sequencing transaction makes across the groups of its batch, without a database. */
class SequencingPlanTest {
    private static final Instant NOW = Instant.parse("2026-11-02T12:00:00Z");
    private static final String KEY = "a".repeat(64);

    private static Submission entry(String content, DeviceBatch device, KeyRegistration registration,
            KeyRevocation revocation) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new Submission(bytes, Merkle.leafHash(bytes), "meter-reading-batch", List.of(KEY), device, registration,
                revocation);
    }

    private static Submission batch(String content, String device, long sequence) {
        return entry(content, new DeviceBatch(device, sequence), null, null);
    }

    private static SequencingPlan plan(Map<String, Instant> keys) {
        return new SequencingPlan("log", NOW, 10, new SequencingPlan.StoredState(Map.of(), keys, Map.of()));
    }

    private static Map<String, Instant> registeredKey() {
        Map<String, Instant> keys = new HashMap<>();
        keys.put(KEY, null);
        return keys;
    }

    @Test
    void groups_getConsecutiveIndexesAfterTheStoredSize() throws Exception {
        SequencingPlan plan = plan(registeredKey());
        assertEquals(10, plan.add(List.of(batch("a", "gw", 0))).getFirst().index());
        List<Receipt> second = plan.add(List.of(batch("b", "gw", 1), batch("c", "gw", 2)));
        assertEquals(11, second.get(0).index());
        assertEquals(12, second.get(1).index());
    }

    @Test
    void identicalEnvelopeInTheSameBatch_getsTheFirstReceipt() throws Exception {
        SequencingPlan plan = plan(registeredKey());
        Receipt first = plan.add(List.of(batch("a", "gw", 0))).getFirst();
        Receipt again = plan.add(List.of(batch("a", "gw", 0))).getFirst();
        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.index(), again.index());
    }

    @Test
    void deviceSequenceTakenEarlierInTheBatch_rejectsTheGroupWhole() throws Exception {
        SequencingPlan plan = plan(registeredKey());
        plan.add(List.of(batch("a", "gw", 0)));
        LedgerException e = assertThrows(LedgerException.class,
                () -> plan.add(List.of(batch("b", "gw", 1), batch("c", "gw", 0))));
        assertEquals(Problem.DEVICE_SEQUENCE_CONFLICT, e.problem());
        assertTrue(e.getMessage().contains("leaf 10"), e.getMessage());
        // the rejected group left no trace: sequence 1 and index 11 are still free
        assertEquals(11, plan.add(List.of(batch("d", "gw", 1))).getFirst().index());
    }

    @Test
    void deviceSequenceTwiceInOneSubmittedBatch_namesBothPositions_notALeaf() {
        SequencingPlan plan = plan(registeredKey());
        LedgerException e = assertThrows(LedgerException.class,
                () -> plan.add(List.of(batch("a", "gw", 5), batch("b", "gw", 6), batch("c", "gw", 5))));
        assertEquals(Problem.DEVICE_SEQUENCE_CONFLICT, e.problem());
        assertEquals("device gw batch sequence 5 appears twice in the submitted batch, at positions 0 and 2 (from 0)",
                e.getMessage());
    }

    @Test
    void deviceSequenceAlreadyStored_isRejected() {
        SequencingPlan plan = new SequencingPlan("log", NOW, 10,
                new SequencingPlan.StoredState(Map.of(), registeredKey(), Map.of(new DeviceBatch("gw", 4), 7L)));
        LedgerException e = assertThrows(LedgerException.class, () -> plan.add(List.of(batch("x", "gw", 4))));
        assertTrue(e.getMessage().contains("leaf 7"), e.getMessage());
    }

    @Test
    void revocationEarlierInTheBatch_stopsTheKeyForLaterGroups() throws Exception {
        SequencingPlan plan = plan(registeredKey());
        plan.add(List.of(entry("revoke", null, null, new KeyRevocation(KEY, NOW.minusSeconds(1), "lost"))));
        LedgerException e = assertThrows(LedgerException.class, () -> plan.add(List.of(batch("late", "gw", 0))));
        assertEquals(Problem.REVOKED_KEY, e.problem());
    }

    @Test
    void revocationTakingEffectLater_doesNotStopTheKeyYet() throws Exception {
        SequencingPlan plan = plan(registeredKey());
        plan.add(List.of(entry("revoke", null, null, new KeyRevocation(KEY, NOW.plusSeconds(3600), "rotation"))));
        assertTrue(plan.add(List.of(batch("still fine", "gw", 0))).getFirst().created());
    }

    @Test
    void secondRegistrationOfAKey_isRejected() throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        KeyRegistration registration = new KeyRegistration(key.keyId(), key.publicKey(), "p", "device",
                List.of("meter-reading-batch"), NOW, null);
        SequencingPlan plan = plan(registeredKey());
        plan.add(List.of(entry("reg-1", null, registration, null)));
        LedgerException e = assertThrows(LedgerException.class,
                () -> plan.add(List.of(entry("reg-2", null, registration, null))));
        assertEquals(Problem.KEY_ALREADY_REGISTERED, e.problem());
    }

    @Test
    void revocationOfAnUnknownKey_isRejected() {
        SequencingPlan plan = plan(registeredKey());
        LedgerException e = assertThrows(LedgerException.class, () -> plan.add(List.of(
                entry("revoke", null, null, new KeyRevocation("b".repeat(64), NOW, "?")))));
        assertEquals(Problem.UNKNOWN_KEY, e.problem());
    }
}
