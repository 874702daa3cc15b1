package org.cbamledger.signer;

import java.util.Arrays;
import java.util.Base64;

/** A public key as registered in the log: algorithm and X.509 SubjectPublicKeyInfo DER. */
public record PublicKeyInfo(KeyAlgorithm algorithm, byte[] spkiDer) {
    public PublicKeyInfo {
        spkiDer = spkiDer.clone();
    }

    @Override
    public byte[] spkiDer() {
        return spkiDer.clone();
    }

    /** Lowercase hex SHA-256 of the SPKI DER (CONTRACTS.md). */
    public String keyId() {
        return Sha256.hex(spkiDer);
    }

    public String spkiBase64() {
        return Base64.getEncoder().encodeToString(spkiDer);
    }

    /** Ed25519: 64 raw bytes; ECDSA P-256: DER (r, s) over SHA-256 of the message. */
    public boolean verify(byte[] message, byte[] signature) {
        try {
            return Crypto.verify(Crypto.publicKey(algorithm, spkiDer), message, signature);
        } catch (SignerException e) {
            return false;
        }
    }

    public static PublicKeyInfo fromBase64(KeyAlgorithm algorithm, String spkiBase64) throws SignerException {
        byte[] der = Base64s.decodeStrict(spkiBase64, "public key");
        Crypto.publicKey(algorithm, der);
        return new PublicKeyInfo(algorithm, der);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeyInfo other && algorithm == other.algorithm && Arrays.equals(spkiDer, other.spkiDer);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(spkiDer);
    }

    @Override
    public String toString() {
        return "PublicKeyInfo[" + algorithm.wireName() + " " + keyId() + "]";
    }
}
