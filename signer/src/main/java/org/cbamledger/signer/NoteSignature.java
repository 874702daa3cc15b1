package org.cbamledger.signer;

import java.util.Arrays;
import java.util.HexFormat;

/** One C2SP signed-note signature line: key name, 4-byte key hash and the signature. */
public record NoteSignature(String keyName, byte[] keyHash, byte[] signature) {
    public NoteSignature {
        keyHash = keyHash.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] keyHash() {
        return keyHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** "— <name> <base64(key hash || signature)>" without the final newline. */
    public String line() {
        byte[] blob = new byte[keyHash.length + signature.length];
        System.arraycopy(keyHash, 0, blob, 0, keyHash.length);
        System.arraycopy(signature, 0, blob, keyHash.length, signature.length);
        return "\u2014 " + keyName + " " + Base64s.encode(blob);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature other
                && keyName.equals(other.keyName)
                && Arrays.equals(keyHash, other.keyHash)
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return keyName.hashCode() * 31 + Arrays.hashCode(keyHash);
    }

    @Override
    public String toString() {
        return "NoteSignature[" + keyName + "+" + HexFormat.of().formatHex(keyHash) + "]";
    }
}
