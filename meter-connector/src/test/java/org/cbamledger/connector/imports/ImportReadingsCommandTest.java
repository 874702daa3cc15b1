package org.cbamledger.connector.imports;

import org.cbamledger.connector.WireReadings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cbamledger.connector.ImportReadingsCommand;
import org.cbamledger.connector.Ports;
import org.cbamledger.connector.forward.LoopbackLedger;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code import-readings} end to end: CSV -> validation -> signed batches -> journal -> HTTP endpoint. */
class ImportReadingsCommandTest {
    @TempDir
    Path dir;

    private Path config(LoopbackLedger ledger) throws Exception {
        Path config = dir.resolve("connector.yaml");
        Files.writeString(config, """
                deviceId: historian-import-1
                deviceKeyFile: key.pem
                ledger: {url: "%s", logId: acme-extrusion, bearerToken: t, maxBackoffMillis: 100}
                journal: {dir: journal, diskBoundBytes: 1048576, segmentBytes: 65536}
                modbus: [{meterId: unused, host: 127.0.0.1, model: generic}]
                """.formatted(ledger.url()));
        return config;
    }

    @Test
    void validFile_isSignedJournalledAndSentInDayBatches() throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        key.writePem(dir.resolve("key.pem"));
        StringBuilder csv = new StringBuilder("intervalStart,intervalEnd,energyKwh,quality\n");
        java.time.Instant t = java.time.Instant.parse("2026-01-05T00:00:00Z");
        for (int i = 0; i < 100; i++) {
            csv.append(t).append(',').append(t.plusSeconds(900)).append(',').append(i == 50 ? "" : "1." + i)
                    .append(',').append(i == 50 ? "COMM_FAILURE" : "GOOD").append('\n');
            t = t.plusSeconds(900);
        }
        Files.writeString(dir.resolve("ems.csv"), csv);
        try (LoopbackLedger ledger = new LoopbackLedger(Ports.free(), "acme-extrusion", key.publicKey()).start()) {
            int exit = new CommandLine(new ImportReadingsCommand()).execute(dir.resolve("ems.csv").toString(),
                    "--meter", "press-1", "--config", config(ledger).toString());
            assertEquals(0, exit);
            List<JsonNode> records = ledger.records();
            assertEquals(2, records.size(), "96 readings per batch");
            assertEquals(2, records.get(0).get("version").asInt(), "columns: " + records.get(0));
            assertEquals(96, WireReadings.of(records.get(0)).size());
            assertEquals(4, WireReadings.of(records.get(1)).size());
            assertEquals("2026-01-06T00:00:00Z", records.get(1).get("start").asString());
            assertEquals(900, records.get(0).get("intervalSeconds").asInt());
            assertEquals("1", records.get(0).get("energyKwh").get(0).asString());
            assertEquals("COMM_FAILURE", records.get(0).get("quality").get(50).asString());
            assertTrue(records.get(0).get("energyKwh").get(50).isNull(), "no stale value in a failed interval");
            assertTrue(records.get(0).get("rawRegisterValues").get(50).isNull());
            assertEquals("historian-import-1", records.get(0).get("deviceId").asString());
        }
    }

    @Test
    void fileWithOneBadRow_importsNothing() throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        key.writePem(dir.resolve("key.pem"));
        Files.writeString(dir.resolve("ems.csv"), """
                intervalStart,intervalEnd,energyKwh
                2026-01-05T00:00:00Z,2026-01-05T00:15:00Z,1.5
                2026-01-05T00:15:00Z,2026-01-05T00:30:00Z,1,5
                """);
        try (LoopbackLedger ledger = new LoopbackLedger(Ports.free(), "acme-extrusion", key.publicKey()).start()) {
            int exit = new CommandLine(new ImportReadingsCommand()).execute(dir.resolve("ems.csv").toString(),
                    "--meter", "press-1", "--config", config(ledger).toString());
            assertEquals(1, exit);
            assertEquals(0, ledger.posts());
            try (Journal journal = Journal.open(dir.resolve("journal"), 1 << 20, 65536)) {
                assertEquals(0, journal.lastSequence());
            }
            assertTrue(!Files.exists(dir.resolve("journal")) || Files.list(dir.resolve("journal/segments")).findAny().isEmpty());
        }
    }
}
