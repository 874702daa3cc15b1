package org.cbamledger.signer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** C2SP signed-note signer with an Ed25519 key (signature type 0x01). */
public final class NoteSigner {
    private final String keyName;
    private final SigningKey key;
    private final byte[] rawPublicKey;
    private final byte[] keyHash;

    public NoteSigner(String keyName, SigningKey ed25519Key) {
        if (!NoteVerifier.isValidName(keyName)) {
            throw new IllegalArgumentException("note key name \"" + keyName + "\" is not valid");
        }
        if (ed25519Key.algorithm() != KeyAlgorithm.ED25519) {
            throw new IllegalArgumentException("note signing needs an ed25519 key");
        }
        this.keyName = keyName;
        this.key = ed25519Key;
        this.rawPublicKey = NoteVerifier.rawEd25519(ed25519Key.publicKey().spkiDer());
        this.keyHash = NoteVerifier.keyHash(keyName, rawPublicKey);
    }

    public String keyName() {
        return keyName;
    }

    /** C2SP vkey: "<name>+<hex key hash>+<base64(0x01 || public key)>". */
    public String verifierKey() {
        return NoteVerifier.formatVerifierKey(keyName, keyHash, rawPublicKey);
    }

    public NoteSignature sign(String text) {
        return new NoteSignature(keyName, keyHash, key.sign(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The signed note with one signature line per signer, in the order given (key rotation: old and new). */
    public static String sign(String text, NoteSigner... signers) {
        try {
            SignedNote.checkText(text);
        } catch (SignerException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (signers.length == 0) {
            throw new IllegalArgumentException("a signed note needs at least one signer");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (NoteSigner signer : signers) {
            signatures.add(signer.sign(text));
        }
        return new SignedNote(text, signatures).format();
    }
}
