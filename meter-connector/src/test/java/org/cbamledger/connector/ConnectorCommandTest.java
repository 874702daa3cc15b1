package org.cbamledger.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConnectorCommandTest {
    @TempDir
    Path dir;

    @Test
    void generateDeviceKey_writesTheKeyAndAValidKeyRegistrationForTheOperator() throws Exception {
        Path pem = dir.resolve("device-key.pem");
        int exit = new CommandLine(new ConnectorCommand()).execute("--generate-device-key", pem.toString(), "--party",
                "acme-extrusion-rs");
        assertEquals(0, exit);
        SigningKey key = SigningKey.readPem(pem);
        JsonNode registration = JsonMapper.builder().build()
                .readTree(Files.readString(dir.resolve("device-key.pem.key-registration.json")));
        RecordValidator.validate(registration);
        assertEquals(key.keyId(), registration.get("keyId").asString());
        assertEquals("device", registration.get("role").asString());
        assertEquals("meter-reading-batch", registration.get("allowedKinds").get(0).asString());
        assertEquals(2, new CommandLine(new ConnectorCommand()).execute("--generate-device-key", pem.toString()),
                "an existing key is never overwritten");
    }

    @Test
    void missingConfig_exitsWith2() {
        assertEquals(2, new CommandLine(new ConnectorCommand()).execute());
    }

    @Test
    void registerDevice_withoutLedgerLogRootKeyAndToken_exitsWith2() throws Exception {
        Path pem = dir.resolve("device-key.pem");
        SigningKey.generate(KeyAlgorithm.ED25519).writePem(pem);
        assertEquals(2, new CommandLine(new ConnectorCommand()).execute("--register-device", pem.toString(), "--log",
                "acme-extrusion"));
    }
}
