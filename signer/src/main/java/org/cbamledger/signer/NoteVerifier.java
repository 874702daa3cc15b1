package org.cbamledger.signer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** A C2SP signed-note verifier key (Ed25519, type 0x01). */
public final class NoteVerifier {
    private static final byte ED25519_TYPE = 0x01;
    // SPKI DER of an Ed25519 key is this 12-byte prefix followed by the 32-byte key (RFC 8410).
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String keyName;
    private final byte[] keyHash;
    private final Ed25519PublicKeyParameters key;

    private NoteVerifier(String keyName, byte[] keyHash, byte[] rawPublicKey) {
        this.keyName = keyName;
        this.keyHash = keyHash;
        this.key = new Ed25519PublicKeyParameters(rawPublicKey, 0);
    }

    public static NoteVerifier parse(String verifierKey) throws SignerException {
        String[] parts = verifierKey.split("\\+", 3); // the base64 key may itself hold '+'
        if (parts.length != 3 || !isValidName(parts[0]) || !parts[1].matches("[0-9a-f]{8}")) {
            throw new SignerException("verifier key is malformed");
        }
        byte[] blob;
        try {
            blob = Base64s.decodeStrict(parts[2], "verifier key");
        } catch (SignerException e) {
            throw new SignerException("verifier key is malformed");
        }
        if (blob.length == 0 || blob[0] != ED25519_TYPE) {
            throw new SignerException("verifier key algorithm is not ed25519");
        }
        if (blob.length != 33) {
            throw new SignerException("verifier key is malformed");
        }
        byte[] raw = Arrays.copyOfRange(blob, 1, 33);
        byte[] hash = keyHash(parts[0], raw);
        if (!HexFormat.of().formatHex(hash).equals(parts[1])) {
            throw new SignerException("verifier key hash does not match the key");
        }
        return new NoteVerifier(parts[0], hash, raw);
    }

    /** Makes a verifier key from a registered Ed25519 public key. */
    public static NoteVerifier of(String keyName, PublicKeyInfo ed25519Key) throws SignerException {
        if (ed25519Key.algorithm() != KeyAlgorithm.ED25519) {
            throw new SignerException("verifier key algorithm is not ed25519");
        }
        byte[] raw = rawEd25519(ed25519Key.spkiDer());
        return parse(formatVerifierKey(keyName, keyHash(keyName, raw), raw));
    }

    public String keyName() {
        return keyName;
    }

    public byte[] keyHash() {
        return keyHash.clone();
    }

    /** The C2SP vkey string. */
    public String verifierKey() {
        return formatVerifierKey(keyName, keyHash, key.getEncoded());
    }

    public boolean verify(String text, NoteSignature signature) {
        if (!signature.keyName().equals(keyName) || !MessageDigest.isEqual(signature.keyHash(), keyHash)) {
            return false;
        }
        byte[] sig = signature.signature();
        if (sig.length != 64) {
            return false;
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(sig);
    }

    /** Key names are non-empty and hold no whitespace and no '+' (C2SP signed-note). */
    static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '+' || Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256(name || 0x0A || 0x01 || public key)[:4]. */
    static byte[] keyHash(String keyName, byte[] rawPublicKey) {
        return keyHash(keyName, ED25519_TYPE, rawPublicKey);
    }

    /** C2SP signed-note key id: SHA-256(name || 0x0A || signature type || public key)[:4]. */
    static byte[] keyHash(String keyName, byte type, byte[] rawPublicKey) {
        byte[] digest = Sha256.digest(keyName.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', type}, rawPublicKey);
        return Arrays.copyOf(digest, 4);
    }

    static String formatVerifierKey(String keyName, byte[] keyHash, byte[] rawPublicKey) {
        return formatVerifierKey(keyName, ED25519_TYPE, keyHash, rawPublicKey);
    }

    static String formatVerifierKey(String keyName, byte type, byte[] keyHash, byte[] rawPublicKey) {
        byte[] blob = new byte[33];
        blob[0] = type;
        System.arraycopy(rawPublicKey, 0, blob, 1, 32);
        return keyName + "+" + HexFormat.of().formatHex(keyHash) + "+" + Base64s.encode(blob);
    }

    static byte[] rawEd25519(byte[] spkiDer) {
        if (spkiDer.length != 44 || !Arrays.equals(Arrays.copyOf(spkiDer, 12), ED25519_SPKI_PREFIX)) {
            throw new IllegalArgumentException("not an ed25519 SubjectPublicKeyInfo");
        }
        return Arrays.copyOfRange(spkiDer, 12, 44);
    }
}
