package org.cbamledger.signer;

import java.security.MessageDigest;
import java.util.List;

/** RFC 9162 §2.1.3.2 inclusion proof verification, including the index < size and final sn == 0 checks. */
public final class InclusionProofVerifier {
    private InclusionProofVerifier() {}

    public static void verify(long index, long treeSize, byte[] leafHash, List<byte[]> proof, byte[] rootHash)
            throws ProofException {
        if (index < 0 || treeSize < 0) {
            throw new ProofException("leaf index and tree size must not be negative");
        }
        if (index >= treeSize) {
            throw new ProofException("leaf index " + index + " is not less than tree size " + treeSize);
        }
        ProofHashes.check(leafHash, "leaf hash");
        ProofHashes.check(rootHash, "root hash");
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            ProofHashes.check(p, "proof hash");
            if (sn == 0) {
                throw new ProofException("inclusion proof has too many hashes");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Merkle.nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = Merkle.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("inclusion proof has too few hashes");
        }
        if (!MessageDigest.isEqual(r, rootHash)) {
            throw new ProofException("inclusion proof does not lead to the root hash");
        }
    }
}
