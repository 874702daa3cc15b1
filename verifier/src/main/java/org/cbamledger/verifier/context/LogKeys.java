package org.cbamledger.verifier.context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.Sha256;
import org.cbamledger.signer.SignerException;
import org.cbamledger.verifier.bundle.BundleException;

/**
 * Log verifier keys in C2SP vkey form {@code <name>+<hex key hash>+<base64(0x01 || Ed25519 key)>}, read
 * strictly: lowercase hex, canonical base64, a key hash that matches, one key per '\n'-terminated line.
 */
public final class LogKeys {
    private static final Pattern NAME = Pattern.compile("[^+\\s]+");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{8}");
    private static final byte ALG_ED25519 = 0x01;
    // SPKI DER of an Ed25519 key: this 12-byte prefix, then the 32-byte key (RFC 8410)
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private LogKeys() {}

    public static List<NoteVerifier> parseFile(String text) throws BundleException {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new BundleException("no key, or the last line does not end with a newline");
        }
        List<NoteVerifier> keys = new ArrayList<>();
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            keys.add(parse(line));
        }
        return keys;
    }

    public static NoteVerifier parse(String vkey) throws BundleException {
        String[] parts = vkey.split("\\+", 3); // the name has no '+'; base64 may
        if (parts.length != 3 || !NAME.matcher(parts[0]).matches() || !HASH.matcher(parts[1]).matches()) {
            throw new BundleException("not a vkey <name>+<8 lowercase hex>+<base64 key>: " + printable(vkey));
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new BundleException("vkey " + parts[0] + ": key is not base64");
        }
        if (!Base64.getEncoder().encodeToString(key).equals(parts[2]) || key.length != 33 || key[0] != ALG_ED25519) {
            throw new BundleException("vkey " + parts[0] + ": key is not canonical base64 of 0x01 || 32-byte Ed25519 key");
        }
        if (!HexFormat.of().formatHex(keyHash(parts[0], key)).equals(parts[1])) {
            throw new BundleException("vkey " + parts[0] + ": key hash " + parts[1] + " does not match the key");
        }
        try {
            return NoteVerifier.parse(vkey);
        } catch (SignerException e) {
            throw new BundleException("vkey " + parts[0] + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key id under which the log's own key signs the entries the service writes itself (api-spec/CONTRACTS.md,
     * log-authored entries): lowercase hex SHA-256 of the UTF-8 verifier key line. It cannot be a registered key's
     * id, the SHA-256 of a DER SubjectPublicKeyInfo, which starts with 0x30 where a vkey starts with its name.
     */
    public static String entryKeyId(NoteVerifier key) {
        return Sha256.hex(key.verifierKey().getBytes(StandardCharsets.UTF_8));
    }

    /** The log key as the Ed25519 public key that checks DSSE signatures (SPKI DER, RFC 8410). */
    public static PublicKeyInfo publicKey(NoteVerifier key) {
        byte[] algAndKey = Base64.getDecoder().decode(key.verifierKey().split("\\+", 3)[2]);
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
        System.arraycopy(algAndKey, 1, spki, ED25519_SPKI_PREFIX.length, 32);
        return new PublicKeyInfo(KeyAlgorithm.ED25519, spki);
    }

    // C2SP signed-note: key hash = SHA-256(name || 0x0A || alg || key)[:4]
    private static byte[] keyHash(String name, byte[] algAndKey) {
        return Arrays.copyOf(Sha256.digest(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n'}, algAndKey), 4);
    }

    private static String printable(String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
