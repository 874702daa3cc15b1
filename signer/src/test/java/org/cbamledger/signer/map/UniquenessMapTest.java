package org.cbamledger.signer.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cbamledger.signer.ProofException;
import org.junit.jupiter.api.Test;

class UniquenessMapTest {
    private static final Claim FIRST = new Claim("rs-extruder", 12, "a".repeat(64));
    private static final Claim SECOND = new Claim("rs-other", 3, "b".repeat(64));

    private static SerialRange range(long first, long last) {
        return SerialRange.parse("RS-EMS", "RS-EMS-W01-" + String.format("%012d", first), "RS-EMS-W01-" + String.format("%012d", last));
    }

    @Test
    void serialRange_parsesPrefixAndNumbers() {
        SerialRange r = range(1, 5833);
        assertEquals("RS-EMS-W01-", r.prefix());
        assertEquals(5833, r.count());
        assertEquals("RS-EMS-W01-000000005833", r.serial(5833));
    }

    @Test
    void serialRange_rejectsEndsOfDifferentSeries() {
        assertThrows(IllegalArgumentException.class, () -> SerialRange.parse("RS-EMS", "A-0001", "B-0002"));
    }

    @Test
    void secondGoClaim_onTheSameRange_isRejectedNamingTheFirst() throws ClaimConflictException {
        UniquenessMap map = new UniquenessMap(new MemoryMapNodeStore());
        map.claimGoRange(range(1, 5833), FIRST);
        ClaimConflictException e = assertThrows(ClaimConflictException.class, () -> map.claimGoRange(range(1, 5833), SECOND));
        assertEquals(FIRST, e.firstClaim());
        assertEquals("GO serials RS-EMS:RS-EMS-W01-000000000001..RS-EMS-W01-000000005833 is already claimed by "
                + FIRST.describe(), e.getMessage());
    }

    @Test
    void overlappingGoRange_isRejected_evenInAnotherBlockAlignment() throws ClaimConflictException {
        UniquenessMap map = new UniquenessMap(new MemoryMapNodeStore());
        map.claimGoRange(range(100, 9000), FIRST);
        assertThrows(ClaimConflictException.class, () -> map.claimGoRange(range(9000, 9100), SECOND));
        assertThrows(ClaimConflictException.class, () -> map.claimGoRange(range(1, 100), SECOND));
    }

    @Test
    void adjacentGoRanges_inOneBlock_doNotConflict() throws ClaimConflictException, ProofException {
        UniquenessMap map = new UniquenessMap(new MemoryMapNodeStore());
        map.claimGoRange(range(1, 100), FIRST);
        map.claimGoRange(range(101, 200), SECOND);
        List<ClaimProof> proofs = map.proveGoRange(range(101, 200)).stream().map(p -> ClaimProof.fromJson(p.toJson())).toList();
        UniquenessVerifier.verifyGoRange(map.rootHash(), range(101, 200), SECOND, proofs);
        UniquenessVerifier.verifyGoRange(map.rootHash(), range(1, 100), FIRST, map.proveGoRange(range(1, 100)));
    }

    @Test
    void conflictingRangeClaim_writesNothing() throws ClaimConflictException {
        UniquenessMap map = new UniquenessMap(new MemoryMapNodeStore());
        map.claimGoRange(range(5000, 5001), FIRST);
        byte[] root = map.rootHash();
        assertThrows(ClaimConflictException.class, () -> map.claimGoRange(range(1, 5000), SECOND));
        org.junit.jupiter.api.Assertions.assertArrayEquals(root, map.rootHash());
        assertEquals(1, map.value(UniquenessMap.goBlockKey(range(5000, 5001), 1)).orElseThrow().claims().size());
    }

    @Test
    void replayOfTheSameClaim_isIdempotent() throws ClaimConflictException {
        UniquenessMap map = new UniquenessMap(new MemoryMapNodeStore());
        map.claimGoRange(range(1, 10), FIRST);
        byte[] root = map.rootHash();
        map.claimGoRange(range(1, 10), FIRST);
        map.claimPpa("PPA-1", "2026-03", FIRST);
        byte[] root2 = map.rootHash();
        map.claimPpa("PPA-1", "2026-03", FIRST);
        org.junit.jupiter.api.Assertions.assertArrayEquals(root2, map.rootHash());
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(root, root2));
    }

    @Test
    void secondPpaClaim_isRejected_andTheFirstVerifiesOffline() throws Exception {
        UniquenessMap map = new UniquenessMap(new MemoryMapNodeStore());
        map.claimPpa("PPA-1", "2026-03", FIRST);
        assertThrows(ClaimConflictException.class, () -> map.claimPpa("PPA-1", "2026-03", SECOND));
        byte[] root = map.rootHash();
        ClaimProof proof = map.prove(UniquenessMap.ppaKey("PPA-1", "2026-03"));
        UniquenessVerifier.verifyPpa(root, "PPA-1", "2026-03", FIRST, proof);
        assertThrows(ProofException.class, () -> UniquenessVerifier.verifyPpa(root, "PPA-1", "2026-03", SECOND, proof));
        UniquenessVerifier.verifyUnclaimed(root, UniquenessMap.ppaKey("PPA-1", "2026-04"),
                ClaimProof.fromJson(map.prove(UniquenessMap.ppaKey("PPA-1", "2026-04")).toJson()));
        assertThrows(ProofException.class, () -> UniquenessVerifier.verifyUnclaimed(root, UniquenessMap.ppaKey("PPA-1", "2026-03"), proof));
    }

    @Test
    void verifyGoRange_rejectsATamperedValue() throws ClaimConflictException {
        UniquenessMap map = new UniquenessMap(new MemoryMapNodeStore());
        map.claimGoRange(range(1, 10), FIRST);
        ClaimProof real = map.proveGoRange(range(1, 10)).getFirst();
        ClaimValue forged = new ClaimValue(real.claimKey(), List.of(new ClaimValue.Part(1, 10, SECOND)));
        ClaimProof tampered = new ClaimProof(real.claimKey(), java.util.Optional.of(forged.canonicalBytes()), real.proof());
        ProofException e = assertThrows(ProofException.class,
                () -> UniquenessVerifier.verifyGoRange(map.rootHash(), range(1, 10), SECOND, List.of(tampered)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("map inclusion proof"), e.getMessage());
    }

    @Test
    void manyClaims_stayFast() throws ClaimConflictException {
        UniquenessMap map = new UniquenessMap(new MemoryMapNodeStore());
        long start = System.nanoTime();
        for (int month = 0; month < 500; month++) {
            map.claimPpa("PPA-" + month, "2026-01", FIRST);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        org.junit.jupiter.api.Assertions.assertTrue(millis < 20_000, "500 claims took " + millis + " ms");
    }
}
