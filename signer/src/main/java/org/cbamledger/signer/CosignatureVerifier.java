package org.cbamledger.signer;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A witness's C2SP tlog-cosignature verifier key ({@code cosignature/v1}, Ed25519, type 0x04). */
public final class CosignatureVerifier {
    private final String keyName;
    private final byte[] keyHash;
    private final byte[] rawPublicKey;

    private CosignatureVerifier(String keyName, byte[] keyHash, byte[] rawPublicKey) {
        this.keyName = keyName;
        this.keyHash = keyHash;
        this.rawPublicKey = rawPublicKey;
    }

    public static CosignatureVerifier parse(String verifierKey) throws SignerException {
        String[] parts = verifierKey.split("\\+", 3);
        if (parts.length != 3 || !NoteVerifier.isValidName(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
            throw new SignerException("witness key is malformed");
        }
        byte[] blob;
        try {
            blob = Base64s.decodeStrict(parts[2], "witness key");
        } catch (SignerException e) {
            throw new SignerException("witness key is malformed");
        }
        if (blob.length != 33 || blob[0] != CosignatureSigner.COSIGNATURE_V1_TYPE) {
            throw new SignerException("witness key is not a cosignature/v1 (0x04) ed25519 key");
        }
        byte[] raw = Arrays.copyOfRange(blob, 1, 33);
        byte[] hash = NoteVerifier.keyHash(parts[0], CosignatureSigner.COSIGNATURE_V1_TYPE, raw);
        if (!HexFormat.of().formatHex(hash).equals(parts[1])) {
            throw new SignerException("witness key hash does not match the key");
        }
        return new CosignatureVerifier(parts[0], hash, raw);
    }

    public String keyName() {
        return keyName;
    }

    public String verifierKey() {
        return NoteVerifier.formatVerifierKey(keyName, CosignatureSigner.COSIGNATURE_V1_TYPE, keyHash, rawPublicKey);
    }

    /** Whether the signature line names this key (name and key id); it may still fail to verify. */
    public boolean names(NoteSignature signature) {
        return signature.keyName().equals(keyName) && MessageDigest.isEqual(signature.keyHash(), keyHash);
    }

    /** Verifies a cosignature line by this key over {@code noteText}; returns its verified cosignature. */
    public Cosignature verify(String noteText, NoteSignature signature) throws SignerException {
        if (!names(signature)) {
            throw new SignerException("signature is not by witness key " + keyName);
        }
        byte[] blob = signature.signature();
        if (blob.length != 8 + 64) {
            throw new SignerException("cosignature by " + keyName + " is not 8 timestamp and 64 signature bytes");
        }
        long time = ByteBuffer.wrap(blob, 0, 8).getLong();
        if (time < 0) {
            throw new SignerException("cosignature by " + keyName + " has a timestamp beyond 2^63 - 1");
        }
        byte[] message = CosignatureSigner.message(noteText, time);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(rawPublicKey, 0));
        verifier.update(message, 0, message.length);
        if (!verifier.verifySignature(Arrays.copyOfRange(blob, 8, blob.length))) {
            throw new SignerException("cosignature by " + keyName + " does not verify");
        }
        return new Cosignature(keyName, verifierKey(), time);
    }

    /**
     * The verified cosignatures of {@code note} by the given witnesses, at most one per witness key. A line that
     * names one of them but does not verify is an error; lines by other keys (the log's own) are ignored.
     */
    public static List<Cosignature> verifyAll(SignedNote note, List<CosignatureVerifier> witnesses)
            throws SignerException {
        List<Cosignature> verified = new ArrayList<>();
        for (CosignatureVerifier witness : witnesses) {
            Cosignature found = null;
            for (NoteSignature signature : note.signatures()) {
                if (witness.names(signature)) {
                    Cosignature c = witness.verify(note.text(), signature);
                    if (found == null || c.timeSeconds() < found.timeSeconds()) {
                        found = c;
                    }
                }
            }
            if (found != null) {
                verified.add(found);
            }
        }
        return verified;
    }
}
