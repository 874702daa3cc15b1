package org.cbamledger.signer;

import java.security.MessageDigest;
import java.util.List;

/** RFC 9162 §2.1.4.2 consistency proof verification. */
public final class ConsistencyProofVerifier {
    private ConsistencyProofVerifier() {}

    public static void verify(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof)
            throws ProofException {
        if (oldSize < 0 || newSize < 0) {
            throw new ProofException("tree sizes must not be negative");
        }
        if (oldSize > newSize) {
            throw new ProofException("old tree size " + oldSize + " is greater than new tree size " + newSize);
        }
        ProofHashes.check(oldRoot, "old root hash");
        ProofHashes.check(newRoot, "new root hash");
        for (byte[] p : proof) {
            ProofHashes.check(p, "proof hash");
        }
        if (oldSize == newSize || oldSize == 0) {
            // Every tree extends the empty tree; a tree only extends itself at equal size.
            if (!proof.isEmpty()) {
                throw new ProofException("consistency proof must be empty for old size " + oldSize
                        + " and new size " + newSize);
            }
            byte[] expected = oldSize == 0 ? Merkle.emptyRoot() : newRoot;
            if (!MessageDigest.isEqual(oldRoot, expected)) {
                throw new ProofException("consistency proof does not lead to the old root hash");
            }
            return;
        }
        // RFC 9162 §2.1.4.2 step 1
        if (proof.isEmpty()) {
            throw new ProofException("consistency proof is empty");
        }
        int start = 0;
        byte[] first;
        if (Long.bitCount(oldSize) == 1) {
            first = oldRoot; // step 2: prepend first_hash
        } else {
            first = proof.getFirst();
            start = 1;
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = first;
        byte[] sr = first;
        for (int i = start; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                throw new ProofException("consistency proof has too many hashes");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Merkle.nodeHash(c, fr);
                sr = Merkle.nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = Merkle.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new ProofException("consistency proof has too few hashes");
        }
        if (!MessageDigest.isEqual(fr, oldRoot)) {
            throw new ProofException("consistency proof does not lead to the old root hash");
        }
        if (!MessageDigest.isEqual(sr, newRoot)) {
            throw new ProofException("consistency proof does not lead to the new root hash");
        }
    }
}
