package org.cbamledger.connector.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void read_takesTheRootKeyFromThePostLogsAnswerOrFromPem() throws Exception {
        SigningKey root = SigningKey.generate(KeyAlgorithm.ED25519);
        Path answer = Files.writeString(dir.resolve("log.json"), "{\"logId\":\"acme-extrusion\",\"rootKeyId\":\""
                + root.keyId() + "\",\"rootPrivateKeyPkcs8\":\"" + Base64.getEncoder().encodeToString(root.pkcs8Der())
                + "\"}");
        assertEquals(root.keyId(), RootKeyFile.read(answer).keyId());
        Path pem = dir.resolve("root.pem");
        root.writePem(pem);
        assertEquals(root.keyId(), RootKeyFile.read(pem).keyId());
    }

    @Test
    void read_rejectsAnAnswerWithoutTheKey() throws Exception {
        Path answer = Files.writeString(dir.resolve("log.json"), "{\"logId\":\"acme-extrusion\"}");
        SignerException e = assertThrows(SignerException.class, () -> RootKeyFile.read(answer));
        assertTrue(e.getMessage().endsWith("has no member rootPrivateKeyPkcs8 (the ledger returns it only when it"
                + " generated the root key, once, in the answer of POST /logs)"), e.getMessage());
        Path garbage = Files.writeString(dir.resolve("key.txt"), "not a key");
        assertThrows(SignerException.class, () -> RootKeyFile.read(garbage));
    }

    @Test
    void signedByRoot_isAValidDeviceRegistrationSignedByTheRootKey() throws Exception {
        SigningKey root = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey device = SigningKey.generate(KeyAlgorithm.ED25519);
        Envelope envelope = Envelope.parse(DeviceKeyRegistration.signedByRoot(device, "acme-extrusion",
                Instant.parse("2026-01-05T00:00:00.750Z"), root));
        assertTrue(envelope.isSignedBy(root.publicKey()));
        assertEquals("key-registration", envelope.kind());
        RecordValidator.validate(envelope.record());
        assertEquals(device.keyId(), envelope.record().get("keyId").asString());
        assertEquals("2026-01-05T00:00:00Z", envelope.record().get("validFrom").asString());
    }
}
