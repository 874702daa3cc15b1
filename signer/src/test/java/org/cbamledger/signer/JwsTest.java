package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class JwsTest {
    private static final byte[] STATEMENT = "{\"seeTco2PerTonne\":\"1.61\"}".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void sign_roundTripsThroughVerify(KeyAlgorithm algorithm) throws SignerException {
        SigningKey key = SigningKey.generate(algorithm);
        String jws = Jws.sign(STATEMENT, key);
        assertArrayEquals(STATEMENT, Jws.verify(jws, key.publicKey()));
        String header = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[0]), StandardCharsets.UTF_8);
        String alg = algorithm == KeyAlgorithm.ED25519 ? "EdDSA" : "ES256";
        assertEquals("{\"alg\":\"" + alg + "\",\"kid\":\"" + key.keyId() + "\"}", header);
        assertEquals(algorithm == KeyAlgorithm.ED25519 ? 86 : 86, jws.split("\\.")[2].length()); // 64 bytes
    }

    @Test
    void verify_rejectsOtherKey() {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        String jws = Jws.sign(STATEMENT, key);
        assertEquals("JWS kid does not match the key", assertThrows(SignerException.class,
                () -> Jws.verify(jws, SigningKey.generate(KeyAlgorithm.ED25519).publicKey())).getMessage());
        assertEquals("JWS alg does not match the key", assertThrows(SignerException.class,
                () -> Jws.verify(jws, SigningKey.generate(KeyAlgorithm.ECDSA_P256).publicKey())).getMessage());
    }

    @Test
    void verify_rejectsTamperedPayload() {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
        String[] parts = Jws.sign(STATEMENT, key).split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"seeTco2PerTonne\":\"0.10\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals("JWS signature does not verify",
                assertThrows(SignerException.class, () -> Jws.verify(tampered, key.publicKey())).getMessage());
    }

    @Test
    void verify_rejectsAlgNoneAndUnknownHeaders() {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String none = b64.encodeToString("{\"alg\":\"none\",\"kid\":\"x\"}".getBytes(StandardCharsets.UTF_8)) + ".e30.";
        assertEquals("JWS alg does not match the key",
                assertThrows(SignerException.class, () -> Jws.verify(none, key.publicKey())).getMessage());
        String crit = b64.encodeToString("{\"alg\":\"EdDSA\",\"crit\":[\"b64\"]}".getBytes(StandardCharsets.UTF_8)) + ".e30.AA";
        assertEquals("JWS header member \"crit\" is not supported",
                assertThrows(SignerException.class, () -> Jws.verify(crit, key.publicKey())).getMessage());
        assertEquals("JWS is not in compact form",
                assertThrows(SignerException.class, () -> Jws.verify("a.b", key.publicKey())).getMessage());
    }
}
