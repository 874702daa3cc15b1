package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeysTest {
    private static final byte[] MESSAGE = "meter 7, 2026-11-22T10:00Z, 12.5 kWh".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void sign_verifiesWithPublicKeyAndFailsOnOtherMessage(KeyAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        byte[] signature = key.sign(MESSAGE);
        assertTrue(key.publicKey().verify(MESSAGE, signature));
        assertFalse(key.publicKey().verify("other".getBytes(StandardCharsets.UTF_8), signature));
        assertFalse(SigningKey.generate(algorithm).publicKey().verify(MESSAGE, signature));
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void sign_isDeterministic(KeyAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm);
        assertArrayEquals(key.sign(MESSAGE), key.sign(MESSAGE));
    }

    @Test
    void ed25519Signature_isSixtyFourRawBytes() {
        assertEquals(64, SigningKey.generate(KeyAlgorithm.ED25519).sign(MESSAGE).length);
    }

    @Test
    void ecdsaSignature_isDerSequence() {
        byte[] signature = SigningKey.generate(KeyAlgorithm.ECDSA_P256).sign(MESSAGE);
        assertEquals(0x30, signature[0]);
        assertEquals(signature.length - 2, signature[1]);
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void pkcs8_roundTripsToTheSameKey(KeyAlgorithm algorithm) throws SignerException {
        SigningKey key = SigningKey.generate(algorithm);
        SigningKey again = SigningKey.fromPkcs8(algorithm, key.pkcs8Der());
        assertEquals(key.publicKey(), again.publicKey());
        assertArrayEquals(key.sign(MESSAGE), again.sign(MESSAGE));
    }

    @Test
    void fromPkcs8_rejectsKeyOfOtherAlgorithm() {
        SigningKey ed = SigningKey.generate(KeyAlgorithm.ED25519);
        SignerException e = assertThrows(SignerException.class,
                () -> SigningKey.fromPkcs8(KeyAlgorithm.ECDSA_P256, ed.pkcs8Der()));
        assertEquals("private key is not an ecdsa-p256 key", e.getMessage());
    }

    @Test
    void fromPkcs8_rejectsGarbage() {
        SignerException e = assertThrows(SignerException.class,
                () -> SigningKey.fromPkcs8(KeyAlgorithm.ED25519, new byte[] {1, 2, 3}));
        assertEquals("private key is not a valid PKCS#8 key", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void pem_roundTripsWithOwnerOnlyPermissions(KeyAlgorithm algorithm, @TempDir Path dir)
            throws IOException, SignerException {
        SigningKey key = SigningKey.generate(algorithm);
        Path file = dir.resolve("key.pem");
        key.writePem(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        SigningKey read = SigningKey.readPem(file);
        assertEquals(algorithm, read.algorithm());
        assertEquals(key.keyId(), read.keyId());
    }

    @Test
    void keyId_isLowercaseHexSha256OfSpki() throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.publicKey().spkiDer());
        assertEquals(HexFormat.of().formatHex(digest), key.keyId());
        assertEquals(64, key.keyId().length());
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void publicKey_roundTripsThroughBase64(KeyAlgorithm algorithm) throws SignerException {
        PublicKeyInfo key = SigningKey.generate(algorithm).publicKey();
        assertEquals(key, PublicKeyInfo.fromBase64(algorithm, key.spkiBase64()));
    }

    @Test
    void publicKeyFromBase64_rejectsWrongAlgorithm() {
        String ecdsa = SigningKey.generate(KeyAlgorithm.ECDSA_P256).publicKey().spkiBase64();
        SignerException e = assertThrows(SignerException.class,
                () -> PublicKeyInfo.fromBase64(KeyAlgorithm.ED25519, ecdsa));
        assertEquals("public key is not an ed25519 key", e.getMessage());
    }

    @Test
    void publicKeyFromBase64_rejectsNonCanonicalBase64() {
        String b64 = SigningKey.generate(KeyAlgorithm.ED25519).publicKey().spkiBase64();
        SignerException e = assertThrows(SignerException.class,
                () -> PublicKeyInfo.fromBase64(KeyAlgorithm.ED25519, b64 + "\n"));
        assertEquals("public key is not valid base64", e.getMessage());
    }

    @Test
    void keyAlgorithm_wireNamesRoundTrip() throws SignerException {
        assertEquals(KeyAlgorithm.ED25519, KeyAlgorithm.fromWire("ed25519"));
        assertEquals(KeyAlgorithm.ECDSA_P256, KeyAlgorithm.fromWire("ecdsa-p256"));
        assertEquals("unknown key algorithm \"rsa\"",
                assertThrows(SignerException.class, () -> KeyAlgorithm.fromWire("rsa")).getMessage());
    }
}
