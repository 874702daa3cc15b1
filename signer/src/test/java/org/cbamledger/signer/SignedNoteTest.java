package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignedNoteTest {
    // The example key and note of golang.org/x/mod/sumdb/note (note_test.go).
    private static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String PETER_SEED = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String PETER_TEXT =
            "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private static final String PETER_NOTE = PETER_TEXT + "\n\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    static SigningKey ed25519FromSeed(byte[] seed) throws SignerException {
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + HexFormat.of().formatHex(seed));
        return SigningKey.fromPkcs8(KeyAlgorithm.ED25519, pkcs8);
    }

    private static NoteSigner peter() throws SignerException {
        byte[] blob = Base64.getDecoder().decode(PETER_SEED);
        return new NoteSigner("PeterNeumann", ed25519FromSeed(java.util.Arrays.copyOfRange(blob, 1, 33)));
    }

    @Test
    void noteSigner_reproducesGoReferenceNoteByteForByte() throws SignerException {
        NoteSigner peter = peter();
        assertEquals(PETER_VKEY, peter.verifierKey());
        assertEquals(PETER_NOTE, NoteSigner.sign(PETER_TEXT, peter));
    }

    @Test
    void noteVerifier_acceptsGoReferenceNote() throws SignerException {
        NoteVerifier verifier = NoteVerifier.parse(PETER_VKEY);
        SignedNote note = SignedNote.parse(PETER_NOTE);
        assertEquals(PETER_TEXT, note.text());
        assertEquals("PeterNeumann", verifier.keyName());
        assertEquals("c74f20a3", HexFormat.of().formatHex(verifier.keyHash()));
        assertTrue(verifier.verify(note.text(), note.signatures().getFirst()));
        assertFalse(verifier.verify(note.text().replace("cryptography", "cryptographY"), note.signatures().getFirst()));
        assertEquals(PETER_NOTE, note.format());
    }

    @Test
    void noteVerifier_rejectsMangledKeys() {
        assertEquals("verifier key hash does not match the key", assertThrows(SignerException.class,
                () -> NoteVerifier.parse(PETER_VKEY.replace("c74f20a3", "c74f20a4"))).getMessage());
        assertEquals("verifier key is malformed", assertThrows(SignerException.class,
                () -> NoteVerifier.parse("PeterNeumann+c74f20a3")).getMessage());
        String ecdsaTyped = "PeterNeumann+c74f20a3+" + Base64.getEncoder().encodeToString(new byte[] {0x02, 1, 2, 3});
        assertEquals("verifier key algorithm is not ed25519",
                assertThrows(SignerException.class, () -> NoteVerifier.parse(ecdsaTyped)).getMessage());
    }

    @Test
    void signedNote_rejectsNoteWithoutSignatures() {
        assertEquals("note has no signatures",
                assertThrows(SignerException.class, () -> SignedNote.parse(PETER_TEXT)).getMessage());
        assertEquals("note has no signatures",
                assertThrows(SignerException.class, () -> SignedNote.parse(PETER_TEXT + "\n")).getMessage());
    }

    @Test
    void signedNote_rejectsSignatureLineWithoutEmDash() {
        String note = PETER_NOTE.replace("\u2014", "-");
        assertEquals("note signature line does not start with an em dash",
                assertThrows(SignerException.class, () -> SignedNote.parse(note)).getMessage());
    }

    @Test
    void signedNote_rejectsMissingFinalNewline() {
        String note = PETER_NOTE.substring(0, PETER_NOTE.length() - 1);
        assertEquals("note does not end with a newline",
                assertThrows(SignerException.class, () -> SignedNote.parse(note)).getMessage());
    }

    @Test
    void checkpoint_roundTripsWithExtensionLines() throws SignerException {
        Checkpoint checkpoint = new Checkpoint("cbam-ledger/alu-rs", 42, new byte[32], List.of("ext one"));
        assertEquals("cbam-ledger/alu-rs\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\next one\n", checkpoint.body());
        assertEquals(checkpoint, Checkpoint.parse(checkpoint.body()));
    }

    @Test
    void checkpoint_rejectsMalformedBodies() {
        String root = Base64.getEncoder().encodeToString(new byte[32]);
        assertEquals("checkpoint size is not a decimal number",
                assertThrows(SignerException.class, () -> Checkpoint.parse("o\n-1\n" + root + "\n")).getMessage());
        assertEquals("checkpoint size is not a decimal number",
                assertThrows(SignerException.class, () -> Checkpoint.parse("o\n012\n" + root + "\n")).getMessage());
        assertEquals("checkpoint does not end with a newline",
                assertThrows(SignerException.class, () -> Checkpoint.parse("o\n12\n" + root)).getMessage());
        assertEquals("checkpoint has fewer than 3 lines",
                assertThrows(SignerException.class, () -> Checkpoint.parse("o\n12\n")).getMessage());
        assertEquals("checkpoint root hash is not 32 bytes of base64",
                assertThrows(SignerException.class, () -> Checkpoint.parse("o\n12\nAAAA\n")).getMessage());
        assertEquals("checkpoint origin is empty",
                assertThrows(SignerException.class, () -> Checkpoint.parse("\n12\n" + root + "\n")).getMessage());
    }

    @Test
    void checkpointVerifier_acceptsEitherKeyDuringRotation() throws SignerException {
        NoteSigner oldKey = new NoteSigner("cbam-ledger/alu-rs", SigningKey.generate(KeyAlgorithm.ED25519));
        NoteSigner newKey = new NoteSigner("cbam-ledger/alu-rs", SigningKey.generate(KeyAlgorithm.ED25519));
        Checkpoint checkpoint = new Checkpoint("cbam-ledger/alu-rs", 7, Merkle.emptyRoot(), List.of());
        String note = NoteSigner.sign(checkpoint.body(), oldKey, newKey);
        assertEquals(2, SignedNote.parse(note).signatures().size());
        for (NoteSigner trusted : List.of(oldKey, newKey)) {
            Checkpoint verified = CheckpointVerifier.verify(note,
                    List.of(NoteVerifier.parse(trusted.verifierKey())), "cbam-ledger/alu-rs");
            assertEquals(7, verified.size());
            assertArrayEquals(Merkle.emptyRoot(), verified.rootHash());
        }
    }

    @Test
    void checkpointVerifier_rejectsUnknownKeyWrongOriginAndBadSignature() throws SignerException {
        NoteSigner log = new NoteSigner("cbam-ledger/alu-rs", SigningKey.generate(KeyAlgorithm.ED25519));
        NoteSigner stranger = new NoteSigner("cbam-ledger/alu-rs", SigningKey.generate(KeyAlgorithm.ED25519));
        List<NoteVerifier> trusted = List.of(NoteVerifier.parse(log.verifierKey()));
        String body = new Checkpoint("cbam-ledger/alu-rs", 7, Merkle.emptyRoot(), List.of()).body();
        assertEquals("checkpoint has no signature by a trusted key", assertThrows(SignerException.class,
                () -> CheckpointVerifier.verify(NoteSigner.sign(body, stranger), trusted, "cbam-ledger/alu-rs")).getMessage());
        assertEquals("checkpoint origin \"cbam-ledger/alu-rs\" does not match expected origin \"cbam-ledger/other\"",
                assertThrows(SignerException.class, () -> CheckpointVerifier.verify(
                        NoteSigner.sign(body, log), trusted, "cbam-ledger/other")).getMessage());
        String forged = NoteSigner.sign(body, log).replace("\n7\n", "\n8\n");
        assertEquals("checkpoint signature by cbam-ledger/alu-rs does not verify", assertThrows(SignerException.class,
                () -> CheckpointVerifier.verify(forged, trusted, "cbam-ledger/alu-rs")).getMessage());
    }

    @Test
    void noteVerifierOf_matchesSignerVerifierKey() throws SignerException {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        NoteSigner signer = new NoteSigner("cbam-ledger/x", key);
        assertEquals(signer.verifierKey(), NoteVerifier.of("cbam-ledger/x", key.publicKey()).verifierKey());
    }
}
