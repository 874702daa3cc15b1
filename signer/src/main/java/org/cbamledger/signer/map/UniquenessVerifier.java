package org.cbamledger.signer.map;

import java.util.Arrays;
import java.util.List;
import org.cbamledger.signer.ProofException;

/** Offline checks that a claim is the only one on its PPA period or GO serials, against a map root. */
public final class UniquenessVerifier {
    private UniquenessVerifier() {}

    public static void verifyPpa(byte[] mapRoot, String contractId, String period, Claim claim, ClaimProof proof)
            throws ProofException {
        ClaimValue value = included(mapRoot, UniquenessMap.ppaKey(contractId, period), proof);
        if (value.claims().size() != 1 || !value.claims().getFirst().claim().equals(claim)) {
            throw new ProofException("PPA " + contractId + " period " + period + " is not claimed by " + claim.describe() + " alone");
        }
    }

    /** One proof per block of the range, in block order; each block shows this claim's part and no overlap. */
    public static void verifyGoRange(byte[] mapRoot, SerialRange range, Claim claim, List<ClaimProof> proofs)
            throws ProofException {
        List<Long> blocks = UniquenessMap.blocks(range);
        if (proofs.size() != blocks.size()) {
            throw new ProofException("GO serials " + range + " touch " + blocks.size() + " blocks, " + proofs.size() + " proofs given");
        }
        for (int i = 0; i < blocks.size(); i++) {
            long block = blocks.get(i);
            ClaimValue value = included(mapRoot, UniquenessMap.goBlockKey(range, block), proofs.get(i));
            long from = Math.max(range.first(), block * UniquenessMap.BLOCK_SIZE);
            long to = Math.min(range.last(), block * UniquenessMap.BLOCK_SIZE + UniquenessMap.BLOCK_SIZE - 1);
            int overlapping = 0;
            boolean own = false;
            for (ClaimValue.Part part : value.claims()) {
                if (part.first() <= to && part.last() >= from) {
                    overlapping++;
                    own = own || (part.claim().equals(claim) && part.first() == from && part.last() == to);
                }
            }
            if (!own || overlapping != 1) {
                throw new ProofException("GO serials " + range + " block " + block + " are not claimed by " + claim.describe() + " alone");
            }
        }
    }

    /** Proves that a claim key is unclaimed. */
    public static void verifyUnclaimed(byte[] mapRoot, String claimKey, ClaimProof proof) throws ProofException {
        if (proof.value().isPresent()) {
            throw new ProofException("claim key " + claimKey + " holds a value");
        }
        MapProofVerifier.verifyNonInclusion(mapRoot, MapKey.ofClaim(claimKey), proof.proof());
    }

    private static ClaimValue included(byte[] mapRoot, String claimKey, ClaimProof proof) throws ProofException {
        if (!proof.claimKey().equals(claimKey) || proof.value().isEmpty()) {
            throw new ProofException("no claim value for " + claimKey);
        }
        byte[] bytes = proof.value().get();
        MapProofVerifier.verifyInclusion(mapRoot, MapKey.ofClaim(claimKey), MapHashes.valueHash(bytes), proof.proof());
        ClaimValue value;
        try {
            value = ClaimValue.parse(bytes);
        } catch (RuntimeException e) {
            throw new ProofException("claim value for " + claimKey + " is not valid JSON");
        }
        if (!value.claimKey().equals(claimKey) || !Arrays.equals(value.canonicalBytes(), bytes)) {
            throw new ProofException("claim value for " + claimKey + " is not canonical or names another key");
        }
        return value;
    }
}
