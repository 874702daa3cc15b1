package org.cbamledger.calculation.electricity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.trace.Figure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The same readings as version 1 batches (an object per reading) and version 2 (columns) give the same figures. */
class ColumnarBatchCalculationTest {

    @Test
    void columnarBatches_giveTheSameFiguresAsReadingObjects() throws Exception {
        CalculationResult rows = EmissionsCalculator.calculate(SerbianScenario.scenario().request(SerbianScenario.evidence()));
        List<ObjectNode> records = SerbianScenario.copies();
        List<ObjectNode> columnar = new ArrayList<>();
        int converted = 0;
        for (ObjectNode record : records) {
            ObjectNode batch = record.path("kind").asString().equals("meter-reading-batch") ? toColumns(record) : null;
            converted += batch == null ? 0 : 1;
            columnar.add(batch == null ? record : batch);
        }
        assertTrue(converted > 100, "converted " + converted + " batches");
        CalculationResult columns = EmissionsCalculator.calculate(
                SerbianScenario.scenario().request(SerbianScenario.evidenceOf(columnar)));
        Map<String, String> expected = values(rows);
        assertTrue(expected.size() > 20, expected.keySet().toString());
        assertEquals(expected, values(columns));
    }

    private static Map<String, String> values(CalculationResult result) {
        Map<String, String> values = new TreeMap<>();
        for (Figure figure : result.figures()) {
            values.put(figure.id(), figure.value().stripTrailingZeros().toPlainString());
        }
        return values;
    }

    /** The batch in version 2, or null when its readings are not consecutive intervals of one length. */
    static ObjectNode toColumns(ObjectNode batch) {
        JsonNode readings = batch.path("readings");
        Instant start = Instant.parse(readings.get(0).path("intervalStart").asString());
        long seconds = Duration.between(start, Instant.parse(readings.get(0).path("intervalEnd").asString())).getSeconds();
        ObjectNode columns = batch.objectNode().put("kind", "meter-reading-batch").put("version", 2)
                .put("meterId", batch.path("meterId").asString()).put("deviceId", batch.path("deviceId").asString())
                .put("sequence", batch.path("sequence").asLong()).put("start", start.toString()).put("intervalSeconds", seconds)
                .put("scale", readings.get(0).path("scale").asString());
        var energy = columns.putArray("energyKwh");
        var raw = columns.putArray("rawRegisterValues");
        var quality = columns.putArray("quality");
        for (int i = 0; i < readings.size(); i++) {
            JsonNode reading = readings.get(i);
            Instant from = start.plusSeconds(seconds * i);
            if (!reading.path("intervalStart").asString().equals(from.toString())
                    || !reading.path("intervalEnd").asString().equals(from.plusSeconds(seconds).toString())
                    || !reading.path("scale").asString().equals(columns.path("scale").asString())) {
                return null;
            }
            energy.add(reading.get("energyKwh"));
            raw.add(reading.get("rawRegisterValue"));
            quality.add(reading.get("quality"));
        }
        return columns;
    }
}
