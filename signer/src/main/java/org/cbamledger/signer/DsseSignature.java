package org.cbamledger.signer;

import java.util.Arrays;
import java.util.HexFormat;

/** One DSSE signature: the signer's key id and the raw signature bytes. */
public record DsseSignature(String keyId, byte[] sig) {
    public DsseSignature {
        sig = sig.clone();
    }

    @Override
    public byte[] sig() {
        return sig.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DsseSignature other && keyId.equals(other.keyId) && Arrays.equals(sig, other.sig);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(sig);
    }

    @Override
    public String toString() {
        return "DsseSignature[" + keyId + " " + HexFormat.of().formatHex(sig) + "]";
    }
}
