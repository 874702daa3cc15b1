package org.cbamledger.signer;

/** Signature algorithms of submitter, device and log keys (CONTRACTS.md "Records and envelopes"). */
public enum KeyAlgorithm {
    /** Signature: 64 raw bytes (RFC 8032). */
    ED25519("ed25519"),
    /** Signature: DER-encoded ECDSA over SHA-256 (deterministic, RFC 6979). */
    ECDSA_P256("ecdsa-p256");

    private final String wireName;

    KeyAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static KeyAlgorithm fromWire(String s) throws SignerException {
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.wireName.equals(s)) {
                return algorithm;
            }
        }
        throw new SignerException("unknown key algorithm \"" + s + "\"");
    }
}
