package org.cbamledger.calculation.electricity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Columnar batches held as {@code BatchColumns} (no tree) give the same calculation record, trace and result hash
 * included, as the same batches held as JSON trees.
 */
class CompactBatchCalculationTest {

    @Test
    void compactColumns_giveTheSameCalculationRecordAsTrees() throws Exception {
        List<ObjectNode> records = new ArrayList<>();
        for (ObjectNode record : SerbianScenario.copies()) {
            ObjectNode batch = record.path("kind").asString().equals(Kinds.METER_READING_BATCH)
                    ? ColumnarBatchCalculationTest.toColumns(record) : null;
            records.add(batch == null ? record : batch);
        }
        List<EvidenceRecord> trees = SerbianScenario.evidenceOf(records);
        List<EvidenceRecord> compact = new ArrayList<>();
        int columns = 0;
        for (EvidenceRecord tree : trees) {
            EvidenceRecord read = EvidenceRecord.fromPayload(tree.kind(), CanonicalJson.canonicalize(tree.record()),
                    tree.leafIndex(), tree.leafHashHex(), payload -> tree.record());
            columns += read.columns() == null ? 0 : 1;
            compact.add(read);
        }
        assertTrue(columns > 100, "read " + columns + " batches as columns");

        ObjectNode fromTrees = CalculationRecords.build(
                EmissionsCalculator.calculate(SerbianScenario.scenario().request(trees)), "calc-1");
        ObjectNode fromColumns = CalculationRecords.build(
                EmissionsCalculator.calculate(SerbianScenario.scenario().request(compact)), "calc-1");
        assertEquals(fromTrees, fromColumns);
    }
}
