package org.cbamledger.signer;

/** Shape checks shared by the proof verifiers. */
final class ProofHashes {
    private ProofHashes() {}

    static void check(byte[] hash, String what) throws ProofException {
        if (hash == null || hash.length != Merkle.HASH_BYTES) {
            throw new ProofException(what + " is not 32 bytes");
        }
    }
}
