package org.cbamledger.connector.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cbamledger.connector.Ports;
import org.cbamledger.connector.forward.LoopbackLedger;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Simulator -> connector -> HTTP endpoint for eight simulated hours in about sixteen real seconds,
 * with a one-hour ledger outage and a connector restart inside it ({@link OutageRunScenario}; the
 * same scenario runs a full day against the real ledger service in RealLedgerOutageRunTest).
 */
class AcceleratedConnectorRunTest {
    @TempDir
    Path dir;

    @Test
    void eightHours_withOutageAndRestart_arriveOnceInOrderAndSumToTheCounterDifference() throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        try (LoopbackLedger loopback = new LoopbackLedger(Ports.free(), "acme-extrusion", key.publicKey()).start()) {
            OutageRunScenario.Ledger ledger = new OutageRunScenario.Ledger() {
                @Override
                public URI url() {
                    return loopback.url();
                }

                @Override
                public void stop() {
                    loopback.stop();
                }

                @Override
                public void start() throws Exception {
                    loopback.start();
                }

                @Override
                public List<JsonNode> records() throws Exception {
                    return loopback.records();
                }
            };
            int intervals = new OutageRunScenario(Instant.parse("2026-01-05T05:58:00Z"), Duration.ofHours(8), 1800,
                    "acme-extrusion", "token").runAndCheck(ledger, key, dir);
            assertEquals(32, intervals);
            assertEquals(loopback.records().size(), loopback.posts() - loopback.replays(), "nothing stored twice");
        }
    }
}
