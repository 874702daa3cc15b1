package org.cbamledger.signer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A witness key that cosigns checkpoints as C2SP tlog-cosignature {@code cosignature/v1} (Ed25519, signature
 * type 0x04): the signed message is {@code "cosignature/v1\ntime <seconds>\n"} followed by the checkpoint's note
 * text; the signature line's blob is key id (4) || timestamp (8, big-endian) || Ed25519 signature (64).
 */
public final class CosignatureSigner {
    static final byte COSIGNATURE_V1_TYPE = 0x04;

    private final String keyName;
    private final SigningKey key;
    private final byte[] rawPublicKey;
    private final byte[] keyHash;

    public CosignatureSigner(String keyName, SigningKey ed25519Key) {
        if (!NoteVerifier.isValidName(keyName)) {
            throw new IllegalArgumentException("witness key name \"" + keyName + "\" is not valid");
        }
        if (ed25519Key.algorithm() != KeyAlgorithm.ED25519) {
            throw new IllegalArgumentException("cosignature/v1 needs an ed25519 key");
        }
        this.keyName = keyName;
        this.key = ed25519Key;
        this.rawPublicKey = NoteVerifier.rawEd25519(ed25519Key.publicKey().spkiDer());
        this.keyHash = NoteVerifier.keyHash(keyName, COSIGNATURE_V1_TYPE, rawPublicKey);
    }

    public String keyName() {
        return keyName;
    }

    /** C2SP vkey: "<name>+<hex key id>+<base64(0x04 || public key)>". */
    public String verifierKey() {
        return NoteVerifier.formatVerifierKey(keyName, COSIGNATURE_V1_TYPE, keyHash, rawPublicKey);
    }

    /** The cosignature line's signature over {@code noteText} (a checkpoint body) at {@code timeSeconds}. */
    public NoteSignature cosign(String noteText, long timeSeconds) {
        if (timeSeconds < 0) {
            throw new IllegalArgumentException("cosignature time must not be negative");
        }
        byte[] signature = key.sign(message(noteText, timeSeconds));
        return new NoteSignature(keyName, keyHash,
                ByteBuffer.allocate(8 + signature.length).putLong(timeSeconds).put(signature).array());
    }

    static byte[] message(String noteText, long timeSeconds) {
        return ("cosignature/v1\ntime " + timeSeconds + "\n" + noteText).getBytes(StandardCharsets.UTF_8);
    }
}
