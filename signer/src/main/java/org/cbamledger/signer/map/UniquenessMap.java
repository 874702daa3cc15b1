package org.cbamledger.signer.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of a deployment in a {@link SparseMerkleMap}. A PPA's delivered MWh of a period is claimed under
 * {@code ppa:<contractId>:<period>}. A GO serial range is claimed per block of {@value #BLOCK_SIZE} serials: key
 * {@code go:<registry>:<prefix>:<digits>:<block>}, value the sub-ranges claimed in that block. Two overlapping
 * ranges always share a block, and the block's value shows whether they overlap, so overlap is detected exactly
 * (no false conflict between neighbours) and proven with one map proof per block the range touches.
 */
public final class UniquenessMap {
    public static final long BLOCK_SIZE = 4096;
    private final SparseMerkleMap map;
    private final Map<String, byte[]> values = new HashMap<>();

    public UniquenessMap(MapNodeStore store) {
        this.map = new SparseMerkleMap(store);
    }

    public static String ppaKey(String contractId, String period) {
        return "ppa:" + contractId + ":" + period;
    }

    public static String goBlockKey(SerialRange range, long block) {
        return "go:" + range.registry() + ":" + range.prefix() + ":" + range.digits() + ":" + block;
    }

    /** The blocks a range touches, first to last. */
    public static List<Long> blocks(SerialRange range) {
        List<Long> blocks = new ArrayList<>();
        for (long b = range.first() / BLOCK_SIZE; b <= range.last() / BLOCK_SIZE; b++) {
            blocks.add(b);
        }
        return blocks;
    }

    public synchronized void claimPpa(String contractId, String period, Claim claim) throws ClaimConflictException {
        String key = ppaKey(contractId, period);
        Optional<ClaimValue> existing = value(key);
        if (existing.isPresent()) {
            Claim first = existing.get().claims().getFirst().claim();
            if (first.equals(claim)) {
                return;
            }
            throw new ClaimConflictException("PPA " + contractId + " period " + period, key, first);
        }
        write(new ClaimValue(key, List.of(new ClaimValue.Part(-1, -1, claim))));
    }

    /** Claims every serial of the range, or nothing: any overlap with another claim is a conflict. */
    public synchronized void claimGoRange(SerialRange range, Claim claim) throws ClaimConflictException {
        List<ClaimValue> updated = new ArrayList<>();
        for (long block : blocks(range)) {
            String key = goBlockKey(range, block);
            long from = Math.max(range.first(), block * BLOCK_SIZE);
            long to = Math.min(range.last(), block * BLOCK_SIZE + BLOCK_SIZE - 1);
            ClaimValue value = value(key).orElse(new ClaimValue(key, List.of()));
            boolean replay = false;
            for (ClaimValue.Part part : value.claims()) {
                if (part.first() <= to && part.last() >= from) {
                    if (part.claim().equals(claim) && part.first() == from && part.last() == to) {
                        replay = true;
                    } else {
                        throw new ClaimConflictException("GO serials " + range, key, part.claim());
                    }
                }
            }
            if (!replay) {
                updated.add(value.with(new ClaimValue.Part(from, to, claim)));
            }
        }
        updated.forEach(this::write);
    }

    public synchronized Optional<ClaimValue> value(String claimKey) {
        return Optional.ofNullable(values.get(claimKey)).map(ClaimValue::parse);
    }

    /** The claim value (if any) and the map proof of inclusion or non-inclusion for a claim key. */
    public synchronized ClaimProof prove(String claimKey) {
        return new ClaimProof(claimKey, Optional.ofNullable(values.get(claimKey)).map(byte[]::clone),
                map.prove(MapKey.ofClaim(claimKey)));
    }

    public synchronized List<ClaimProof> proveGoRange(SerialRange range) {
        return blocks(range).stream().map(b -> prove(goBlockKey(range, b))).toList();
    }

    public synchronized byte[] rootHash() {
        return map.rootHash();
    }

    private void write(ClaimValue value) {
        byte[] bytes = value.canonicalBytes();
        values.put(value.claimKey(), bytes);
        map.put(MapKey.ofClaim(value.claimKey()), MapHashes.valueHash(bytes));
    }
}
