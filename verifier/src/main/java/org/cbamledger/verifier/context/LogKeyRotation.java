package org.cbamledger.verifier.context;

import java.util.List;
import java.util.Map;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.BundleException;
import tools.jackson.databind.JsonNode;

/**
 * A log-key-rotation entry, read and checked on its own: checkpoints of size {@code fromSize} and above are signed
 * by {@code newKey}. It holds only when its envelope carries exactly two signatures, by the old and the new key it
 * names, each under its log entry key id, and the rotation lies inside every checkpoint the new key signs.
 */
public record LogKeyRotation(long index, NoteVerifier oldKey, NoteVerifier newKey, long fromSize) {

    /** @throws BundleException naming what is wrong with the entry at {@code index} */
    public static LogKeyRotation read(long index, Envelope envelope) throws BundleException {
        if (!envelope.kind().equals(Kinds.LOG_KEY_ROTATION)) {
            throw new BundleException("not a " + Kinds.LOG_KEY_ROTATION + " entry");
        }
        JsonNode record;
        try {
            record = envelope.record();
        } catch (SignerException e) {
            throw new BundleException(Kinds.LOG_KEY_ROTATION + " record: " + e.getMessage(), e);
        }
        NoteVerifier oldKey = LogKeys.parse(record.path("oldKey").asString(""));
        NoteVerifier newKey = LogKeys.parse(record.path("newKey").asString(""));
        JsonNode from = record.path("fromSize");
        if (!from.canConvertToLong() || !from.isIntegralNumber()) {
            throw new BundleException(Kinds.LOG_KEY_ROTATION + " record: fromSize is not an integer");
        }
        long fromSize = from.asLong();
        if (fromSize <= index) {
            throw new BundleException("log key rotation at index " + index + " takes effect from size " + fromSize
                    + ": the new key would sign checkpoints that do not include the rotation");
        }
        if (oldKey.verifierKey().equals(newKey.verifierKey())) {
            throw new BundleException("log key rotation names the same key as old and new");
        }
        checkSignatures(envelope, oldKey, newKey);
        return new LogKeyRotation(index, oldKey, newKey, fromSize);
    }

    private static void checkSignatures(Envelope envelope, NoteVerifier oldKey, NoteVerifier newKey)
            throws BundleException {
        Map<String, NoteVerifier> named = Map.of(LogKeys.entryKeyId(oldKey), oldKey, LogKeys.entryKeyId(newKey), newKey);
        List<DsseSignature> signatures = envelope.signatures();
        if (signatures.size() != 2 || signatures.get(0).keyId().equals(signatures.get(1).keyId())) {
            throw new BundleException("log key rotation must be signed by both the old and the new key it names, "
                    + "it carries " + signatures.size() + " signature(s) (key ids " + String.join(", ",
                            signatures.stream().map(DsseSignature::keyId).toList()) + ")");
        }
        byte[] pae = envelope.pae();
        for (DsseSignature signature : signatures) {
            NoteVerifier key = named.get(signature.keyId());
            if (key == null) {
                throw new BundleException("log key rotation signed by key " + signature.keyId()
                        + ", which is neither the old nor the new key it names");
            }
            if (!LogKeys.publicKey(key).verify(pae, signature.sig())) {
                throw new BundleException("log key rotation: signature by " + key.keyName() + " (entry key id "
                        + signature.keyId() + ") does not verify");
            }
        }
    }
}
