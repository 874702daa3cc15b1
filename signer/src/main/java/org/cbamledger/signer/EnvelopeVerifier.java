package org.cbamledger.signer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks an envelope's signatures against the keys a caller knows (e.g. those registered in the log). */
public final class EnvelopeVerifier {
    private EnvelopeVerifier() {}

    /**
     * Every signature whose key id is known must verify, and at least one must be known. Signatures
     * by unknown keys are ignored (a cosigner the caller does not track).
     *
     * @return the known keys that signed
     */
    public static List<PublicKeyInfo> verify(Envelope envelope, Collection<PublicKeyInfo> knownKeys)
            throws SignerException {
        Map<String, PublicKeyInfo> byId = new HashMap<>();
        for (PublicKeyInfo key : knownKeys) {
            byId.put(key.keyId(), key);
        }
        byte[] pae = envelope.pae();
        List<PublicKeyInfo> signers = new ArrayList<>();
        for (DsseSignature signature : envelope.signatures()) {
            PublicKeyInfo key = byId.get(signature.keyId());
            if (key == null) {
                continue;
            }
            if (!key.verify(pae, signature.sig())) {
                throw new SignerException("envelope signature by key " + signature.keyId() + " does not verify");
            }
            signers.add(key);
        }
        if (signers.isEmpty()) {
            throw new SignerException("envelope has no signature by a known key");
        }
        return signers;
    }
}
