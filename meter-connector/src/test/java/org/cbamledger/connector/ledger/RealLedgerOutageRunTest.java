package org.cbamledger.connector.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.cbamledger.connector.ConnectorCommand;
import org.cbamledger.connector.Ports;
import org.cbamledger.connector.runtime.OutageRunScenario;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * The "done when": simulator -> connector -> the real ledger service for one simulated day
 * at 1800x, with a one-hour ledger outage (the service's context and PostgreSQL stopped and started
 * again on the same data directory) and a connector restart inside it. Read back through the
 * ledger's HTTP API: every interval exactly once and in order, no hole in the device's sequence,
 * and the sum over the intervals equal to the simulated counter's difference to the Wh.
 */
class RealLedgerOutageRunTest {
    private static final String LOG_ID = "acme-extrusion";
    private static final String DEVICE_ID = "gw-belgrade-1";

    @TempDir
    Path dir;

    @Test
    void oneDay_withLedgerOutageAndConnectorRestart_everyIntervalOnceAndSumToTheWh() throws Exception {
        try (InProcessLedgerService ledger = new InProcessLedgerService(dir.resolve("ledger"), Ports.free())) {
            ledger.start();
            Path rootKeyAnswer = Files.writeString(dir.resolve("log.json"), ledger.createLog(LOG_ID, "Acme Extrusion"));
            SigningKey deviceKey = SigningKey.generate(KeyAlgorithm.ED25519);
            Path deviceKeyFile = dir.resolve("device-key.pem");
            deviceKey.writePem(deviceKeyFile);
            Path submitToken = Files.writeString(dir.resolve("connector.token"), ledger.token("log:" + LOG_ID + ":submit"));

            // the operator's step, as the README documents it
            int registered = new CommandLine(new ConnectorCommand()).execute("--register-device", deviceKeyFile.toString(),
                    "--ledger", ledger.url().toString(), "--log", LOG_ID, "--root-key", rootKeyAnswer.toString(),
                    "--token-file", submitToken.toString());
            assertEquals(0, registered, "device key registered with the root key from the POST /logs answer");

            long started = System.nanoTime();
            int intervals = new OutageRunScenario(Instant.parse("2026-01-05T05:58:00Z"), Duration.ofDays(1), 1800,
                    LOG_ID, Files.readString(submitToken)).runAndCheck(ledger, deviceKey, dir.resolve("connector"));
            System.out.printf("one simulated day with outage and restart against the real ledger: %d s%n",
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            assertEquals(96, intervals, "a day of 15-minute intervals per meter");

            List<JsonNode> batches = ledger.records();
            assertEquals(2 * 96, batches.size(), "one batch per interval and meter, none twice");
            JsonNode gaps = ledger.read("/devices/" + DEVICE_ID + "/sequence-gaps");
            assertEquals(batches.size(), gaps.get("batches").asLong(), gaps.toString());
            assertTrue(gaps.get("gaps").isEmpty(), "no hole in the device's numbering: " + gaps);

            List<Envelope> entries = ledger.entries();
            assertEquals("party", entries.get(0).kind(), "the log survived the restart from its first entry");
            assertEquals("key-registration", entries.get(2).kind());
            Set<String> leafHashes = new HashSet<>();
            for (Envelope entry : entries) {
                assertTrue(leafHashes.add(HexFormat.of().formatHex(entry.leafHash())), "no entry twice");
            }
            assertEquals(3 + batches.size(), entries.size());
        }
    }
}
