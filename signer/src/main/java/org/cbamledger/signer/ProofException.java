package org.cbamledger.signer;

/** A Merkle inclusion or consistency proof does not verify; the message is exact and stable. */
public final class ProofException extends Exception {
    public ProofException(String message) {
        super(message);
    }
}
