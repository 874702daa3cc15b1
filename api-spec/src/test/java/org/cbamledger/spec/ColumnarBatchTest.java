package org.cbamledger.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ColumnarBatchTest {
    private static final String SCHEMA_PREFIX = "record does not match schema meter-reading-batch.v2: ";

    private static String failure(String file) {
        return assertThrows(RecordValidationException.class,
                () -> RecordValidator.validate(RecordValidatorTest.vector("records/invalid/" + file))).getMessage();
    }

    @Test
    void validate_acceptsTheColumnarBatch() {
        assertDoesNotThrow(() -> RecordValidator.validate(RecordValidatorTest.vector("records/valid/meter-reading-batch.v2.json")));
    }

    @Test
    void validate_refusesEachMalformedShapeWithAPreciseMessage() {
        assertEquals("columns differ in length: energyKwh has 2 readings, rawRegisterValues 2, quality 1",
                failure("batch_v2_columns_of_different_length.json"));
        assertEquals("reading 0 is COMM_FAILURE but carries a value: a flagged reading has null energyKwh and rawRegisterValues",
                failure("batch_v2_stale_value_on_comm_failure.json"));
        assertEquals("reading 0 is GOOD but has no value: only GAP and COMM_FAILURE readings are null",
                failure("batch_v2_good_reading_without_value.json"));
        assertEquals(SCHEMA_PREFIX + "/energyKwh/0: must be a non-negative decimal string or null",
                failure("batch_v2_energy_as_number.json"));
        assertEquals(SCHEMA_PREFIX + "/quality/0: must be one of GOOD, GAP, SUSPECT, COMM_FAILURE",
                failure("batch_v2_unknown_quality.json"));
        assertEquals(SCHEMA_PREFIX + "/energyKwh: must be an array of 1 to 2976 readings", failure("batch_v2_no_readings.json"));
        assertEquals(SCHEMA_PREFIX + "/rawRegisterValues/0: must be 1 to 16 words of 4 lowercase hex digits or null",
                failure("batch_v2_raw_register_not_words.json"));
        assertEquals(SCHEMA_PREFIX + "/intervalSeconds: must be an integer from 1 to 86400", failure("batch_v2_zero_interval.json"));
        assertEquals(SCHEMA_PREFIX + "/start: must be an RFC 3339 date-time in UTC ending in Z",
                failure("batch_v2_start_without_zone.json"));
        assertEquals(SCHEMA_PREFIX + "/start: must be in whole seconds: a reading time has no fraction of a second",
                failure("batch_v2_start_with_fraction.json"));
        assertEquals("meter-reading-batch version 3 is unknown: version 2 is the columnar batch, version 1 has no member \"version\"",
                failure("batch_v2_unknown_version.json"));
        assertEquals(SCHEMA_PREFIX + "/: property 'readings' is not defined in the schema", failure("batch_v2_with_v1_readings.json"));
        assertEquals(SCHEMA_PREFIX + "/: required property 'scale' not found", failure("batch_v2_missing_scale.json"));
    }

    @Test
    void validate_refusesAnImpossibleStartAndTooManyReadings() {
        ObjectNode batch = (ObjectNode) RecordValidatorTest.vector("records/valid/meter-reading-batch.v2.json");
        batch.put("start", "2026-02-30T00:00:00Z");
        assertEquals(SCHEMA_PREFIX + "/start: must be a valid RFC 3339 date-time",
                assertThrows(RecordValidationException.class, () -> RecordValidator.validate(batch)).getMessage());
        ObjectNode big = (ObjectNode) RecordValidatorTest.vector("records/valid/meter-reading-batch.v2.json");
        for (String column : List.of("energyKwh", "rawRegisterValues", "quality")) {
            var array = big.putArray(column);
            for (int i = 0; i <= ColumnarBatchCheck.MAX_READINGS; i++) {
                array.add(column.equals("quality") ? "GOOD" : column.equals("energyKwh") ? "1.5" : "0001");
            }
        }
        assertEquals(SCHEMA_PREFIX + "/energyKwh: must be an array of 1 to 2976 readings",
                assertThrows(RecordValidationException.class, () -> RecordValidator.validate(big)).getMessage());
        assertThrows(RecordValidationException.class, () -> RecordValidator.validateAgainst(ColumnarBatchCheck.SCHEMA, big));
    }

    @Test
    void decimalCheck_matchesTheSchemaPattern() {
        for (String ok : List.of("0", "0.5", "412.75", "123456789012345678", "1.123456789012")) {
            assertTrue(ColumnarBatchCheck.isDecimal(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(ok)), ok);
        }
        for (String bad : List.of("", ".5", "01", "1.", "-1", "1e3", "1234567890123456789", "1.1234567890123", "1,5", " 1")) {
            assertTrue(!ColumnarBatchCheck.isDecimal(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(bad)), bad);
        }
    }

    static Stream<String> columnarVectors() throws IOException {
        Path invalid = Path.of("src/main/resources/vectors/records/invalid");
        try (Stream<Path> files = Files.list(invalid)) {
            return Stream.concat(Stream.of("valid/meter-reading-batch.v2.json"), files
                    .map(p -> p.getFileName().toString()).filter(n -> n.startsWith("batch_v2_")).sorted()
                    .map(n -> "invalid/" + n).toList().stream());
        }
    }

    /**
     * The hand-written check and the schema agree on every vector: a shape the schema refuses, the check refuses as
     * a schema violation; what the schema accepts, the check accepts or refuses by a rule across columns only.
     */
    @ParameterizedTest
    @MethodSource("columnarVectors")
    void handWrittenCheck_agreesWithTheSchema(String vector) {
        JsonNode batch = RecordValidatorTest.vector("records/" + vector);
        boolean schemaAccepts = accepts(() -> RecordValidator.validateAgainst(ColumnarBatchCheck.SCHEMA, batch));
        String checked = message(() -> ColumnarBatchCheck.check(batch));
        if (batch.path("version").asInt() != 2) {
            assertTrue(!schemaAccepts, vector);
        } else if (schemaAccepts) {
            assertTrue(checked == null || !checked.startsWith(SCHEMA_PREFIX), vector + ": " + checked);
        } else {
            assertTrue(checked != null && checked.startsWith(SCHEMA_PREFIX), vector + ": " + checked);
        }
        assertEquals(vector.startsWith("valid/"), checked == null && schemaAccepts, vector);
    }

    private interface Check {
        void run() throws RecordValidationException;
    }

    private static boolean accepts(Check check) {
        return message(check) == null;
    }

    private static String message(Check check) {
        try {
            check.run();
            return null;
        } catch (RecordValidationException e) {
            return e.getMessage();
        }
    }
}
