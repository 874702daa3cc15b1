package org.cbamledger.service.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.ElectricityScenarioFiles;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The view's light read of stored entries against the strict parse it replaces: on every record of the demo
 * scenarios the same kind, record (numbers included), index and leaf hash, in the same order; so the page, a
 * function of those records and the statements, is the same.
 */
class StoredRecordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"turkish-extruder-2026", "serbian-extruder-ppa-2026"})
    void demoScenarioEntries_readAsTheStrictParseReadsThem(String scenario) throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        List<StoredEntry> entries = new ArrayList<>();
        Path dir = Path.of("..", "scenarios", scenario);
        Scenario loaded = ScenarioLoader.load(dir);
        List<ScenarioRecord> records = new ArrayList<>(loaded.records());
        records.addAll(ElectricityScenarioFiles.load(dir, loaded));
        for (ScenarioRecord r : records) {
            Envelope envelope = Envelope.sign(r.kind(), LedgerRecords.json(r.record()), key);
            entries.add(new StoredEntry(entries.size(), envelope.leafHash(), r.kind(), envelope.canonicalBytes()));
        }
        List<StoredRecords.Read> read = StoredRecords.of(entries);
        assertEquals(entries.size(), read.size());
        assertFalse(entries.isEmpty(), "the scenario has records to compare");
        for (int i = 0; i < entries.size(); i++) {
            EvidenceRecord strict = EvidenceRecord.fromEntry(entries.get(i).envelope(), i);
            assertNull(read.get(i).problem());
            assertEquals(strict, read.get(i).record(), "entry " + i);
        }
    }

    @Test
    void anEntryThatIsNoEnvelope_isReportedAsUnreadable_notSkippedSilently() {
        StoredEntry garbage = new StoredEntry(7, new byte[32], "installation", "not json".getBytes(StandardCharsets.UTF_8));
        StoredRecords.Read read = StoredRecords.of(List.of(garbage)).getFirst();
        assertNull(read.record());
        assertTrue(read.problem().startsWith("entry 7 does not parse as a record"), read.problem());
    }
}
