package org.cbamledger.connector.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.cbamledger.connector.forward.Backoff;
import org.cbamledger.connector.forward.Forwarder;
import org.cbamledger.connector.forward.LedgerClient;
import org.cbamledger.connector.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StatusWriterTest {
    @TempDir
    Path dir;

    @Test
    void statusFile_showsTheDiskAlarmOnceTheJournalPasses80Percent() throws Exception {
        try (Journal journal = Journal.open(dir, 8 * 1024, 2 * 1024)) {
            Forwarder forwarder = new Forwarder(journal, new LedgerClient(URI.create("http://127.0.0.1:9"), "abc", null,
                    Duration.ofSeconds(1)), new Backoff(Duration.ofMillis(1), Duration.ofMillis(1)));
            StatusWriter status = new StatusWriter(journal, forwarder);
            status.write(Instant.parse("2026-01-05T00:00:00Z"));
            JsonNode before = JsonMapper.builder().build().readTree(dir.resolve(StatusWriter.FILE).toFile());
            assertFalse(before.get("diskAlarm").asBoolean());
            while (!journal.diskAlarm()) {
                long s = journal.nextSequence();
                journal.append(s, new byte[300], new byte[0]);
            }
            status.write(Instant.parse("2026-01-05T00:01:00Z"));
            JsonNode after = JsonMapper.builder().build().readTree(dir.resolve(StatusWriter.FILE).toFile());
            assertTrue(after.get("diskAlarm").asBoolean());
            assertTrue(after.get("diskUsedPercent").asDouble() >= 80.0);
            assertEquals(journal.lastSequence(), after.get("pendingBatches").asLong());
        }
    }
}
