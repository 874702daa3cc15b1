package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodedPublicKeyTest {
    @Test
    void verify_answersAsThePublicKeyInfoDoes_forBothAlgorithms() throws SignerException {
        byte[] message = "DSSEv1 meter readings".getBytes(StandardCharsets.UTF_8);
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            SigningKey key = SigningKey.generate(algorithm);
            DecodedPublicKey decoded = DecodedPublicKey.of(key.publicKey());
            byte[] signature = key.sign(message);
            assertTrue(decoded.verify(message, signature), algorithm.wireName());
            byte[] other = message.clone();
            other[0] ^= 1;
            byte[] broken = signature.clone();
            broken[broken.length - 1] ^= 1;
            for (byte[][] pair : new byte[][][] {{other, signature}, {message, broken}, {message, new byte[0]}}) {
                assertEquals(key.publicKey().verify(pair[0], pair[1]), decoded.verify(pair[0], pair[1]), algorithm.wireName());
            }
            assertEquals(false, decoded.verify(other, signature));
        }
    }

    @Test
    void of_refusesAKeyThatDoesNotDecode() {
        PublicKeyInfo garbage = new PublicKeyInfo(KeyAlgorithm.ED25519, new byte[] {1, 2, 3});
        assertEquals("public key is not a valid SubjectPublicKeyInfo",
                org.junit.jupiter.api.Assertions.assertThrows(SignerException.class, () -> DecodedPublicKey.of(garbage)).getMessage());
    }
}
