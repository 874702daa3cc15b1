package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CosignatureTest {
    private static final String BODY = "cbam-ledger/acme\n5\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n";

    private final SigningKey witnessKey = SigningKey.generate(KeyAlgorithm.ED25519);
    private final CosignatureSigner witness = new CosignatureSigner("witness.example/a", witnessKey);

    @Test
    void cosignature_isTheC2spMessageSignedByJdkEd25519_withType04KeyId() throws Exception {
        NoteSignature line = witness.cosign(BODY, 1_700_000_000L);
        byte[] raw = NoteVerifier.rawEd25519(witnessKey.publicKey().spkiDer());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("witness.example/a\n".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x04);
        sha.update(raw);
        assertArrayEquals(Arrays.copyOf(sha.digest(), 4), line.keyHash());
        byte[] blob = line.signature();
        assertEquals(1_700_000_000L, ByteBuffer.wrap(blob, 0, 8).getLong());
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(witnessKey.publicKey().spkiDer())));
        jdk.update(("cosignature/v1\ntime 1700000000\n" + BODY).getBytes(StandardCharsets.UTF_8));
        assertTrue(jdk.verify(Arrays.copyOfRange(blob, 8, blob.length)));
        assertTrue(witness.verifierKey().startsWith("witness.example/a+"));
        assertEquals(0x04, Base64.getDecoder().decode(witness.verifierKey().split("\\+", 3)[2])[0]);
    }

    @Test
    void verifyAll_findsEachWitnessOnce_andIgnoresTheLogSignature() throws Exception {
        NoteSigner log = new NoteSigner("cbam-ledger/acme", SigningKey.generate(KeyAlgorithm.ED25519));
        CosignatureSigner other = new CosignatureSigner("witness.example/b", SigningKey.generate(KeyAlgorithm.ED25519));
        SignedNote note = SignedNote.parse(NoteSigner.sign(BODY, log))
                .withSignatures(List.of(witness.cosign(BODY, 10), other.cosign(BODY, 11)));
        SignedNote reparsed = SignedNote.parse(note.format());
        List<Cosignature> found = CosignatureVerifier.verifyAll(reparsed, List.of(
                CosignatureVerifier.parse(witness.verifierKey()), CosignatureVerifier.parse(other.verifierKey())));
        assertEquals(List.of("witness.example/a", "witness.example/b"),
                found.stream().map(Cosignature::witnessName).toList());
        assertEquals(10, found.getFirst().timeSeconds());
        CheckpointVerifier.verify(reparsed.format(), List.of(NoteVerifier.parse(log.verifierKey())), "cbam-ledger/acme");
    }

    @Test
    void verify_refusesACosignatureOverAnotherCheckpoint() throws Exception {
        CosignatureVerifier verifier = CosignatureVerifier.parse(witness.verifierKey());
        NoteSignature line = witness.cosign(BODY, 10);
        SignerException e = assertThrows(SignerException.class,
                () -> verifier.verify(BODY.replace("\n5\n", "\n6\n"), line));
        assertEquals("cosignature by witness.example/a does not verify", e.getMessage());
    }

    @Test
    void verify_refusesAnAlteredTimestamp() throws Exception {
        CosignatureVerifier verifier = CosignatureVerifier.parse(witness.verifierKey());
        byte[] blob = witness.cosign(BODY, 10).signature();
        blob[7] = 11;
        NoteSignature altered = new NoteSignature("witness.example/a", witness.cosign(BODY, 10).keyHash(), blob);
        assertThrows(SignerException.class, () -> verifier.verify(BODY, altered));
    }

    @Test
    void parse_refusesALogKeyAsAWitnessKey() {
        NoteSigner log = new NoteSigner("cbam-ledger/acme", SigningKey.generate(KeyAlgorithm.ED25519));
        SignerException e = assertThrows(SignerException.class, () -> CosignatureVerifier.parse(log.verifierKey()));
        assertEquals("witness key is not a cosignature/v1 (0x04) ed25519 key", e.getMessage());
    }
}
