package org.cbamledger.signer;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * A registered public key decoded and checked once, to verify many signatures: {@link PublicKeyInfo#verify} parses
 * the SPKI, re-encodes it and decompresses the point on every call, which a write path checking thousands of
 * entries a second by the same few keys need not repeat.
 */
public final class DecodedPublicKey {
    private final PublicKeyInfo info;
    private final AsymmetricKeyParameter key;

    private DecodedPublicKey(PublicKeyInfo info, AsymmetricKeyParameter key) {
        this.info = info;
        this.key = key;
    }

    public static DecodedPublicKey of(PublicKeyInfo info) throws SignerException {
        return new DecodedPublicKey(info, Crypto.publicKey(info.algorithm(), info.spkiDer()));
    }

    public PublicKeyInfo info() {
        return info;
    }

    /** Same answer as {@link PublicKeyInfo#verify} for the same key. */
    public boolean verify(byte[] message, byte[] signature) {
        return Crypto.verify(key, message, signature);
    }
}
