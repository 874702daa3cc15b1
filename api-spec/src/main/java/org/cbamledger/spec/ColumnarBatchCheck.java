package org.cbamledger.spec;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * meter-reading-batch.v2.schema.json and its rules across columns, written out by hand: the hot path of ingestion
 * checks a batch of thousands of readings without a generic validator walking each one. RecordValidatorTest holds
 * it to the schema with the vector files, so the two cannot drift.
 */
final class ColumnarBatchCheck {
    static final String SCHEMA = "meter-reading-batch.v2";
    static final int MAX_READINGS = 2976;
    private static final List<String> REQUIRED = List.of("kind", "version", "meterId", "deviceId", "sequence", "start",
            "intervalSeconds", "scale", "energyKwh", "rawRegisterValues", "quality");
    private static final Set<String> MEMBERS = Set.copyOf(REQUIRED);
    private static final Set<String> QUALITIES = Set.of("GOOD", "GAP", "SUSPECT", "COMM_FAILURE");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?Z");
    private static final long MAX_SEQUENCE = 9_007_199_254_740_991L;

    private ColumnarBatchCheck() {}

    static void check(JsonNode batch) throws RecordValidationException {
        for (Map.Entry<String, JsonNode> member : batch.properties()) {
            if (!MEMBERS.contains(member.getKey())) {
                throw schema("/", "property '" + member.getKey() + "' is not defined in the schema");
            }
        }
        for (String name : REQUIRED) {
            if (!batch.has(name)) {
                throw schema("/", "required property '" + name + "' not found");
            }
        }
        identifier(batch, "meterId");
        identifier(batch, "deviceId");
        JsonNode sequence = batch.get("sequence");
        if (!sequence.isIntegralNumber() || !sequence.canConvertToLong() || sequence.asLong() < 0
                || sequence.asLong() > MAX_SEQUENCE) {
            throw schema("/sequence", "must be an integer from 0 to " + MAX_SEQUENCE);
        }
        timestamp(batch.get("start"));
        JsonNode interval = batch.get("intervalSeconds");
        if (!interval.isIntegralNumber() || !interval.canConvertToInt() || interval.asInt() < 1 || interval.asInt() > 86_400) {
            throw schema("/intervalSeconds", "must be an integer from 1 to 86400");
        }
        if (!isDecimal(batch.get("scale"))) {
            throw schema("/scale", "must be a non-negative decimal string");
        }
        JsonNode energy = column(batch, "energyKwh");
        JsonNode raw = column(batch, "rawRegisterValues");
        JsonNode quality = column(batch, "quality");
        if (energy.size() != quality.size() || raw.size() != quality.size()) {
            throw new RecordValidationException("columns differ in length: energyKwh has " + energy.size()
                    + " readings, rawRegisterValues " + raw.size() + ", quality " + quality.size());
        }
        for (int i = 0; i < quality.size(); i++) {
            reading(i, energy.get(i), raw.get(i), quality.get(i));
        }
    }

    private static void reading(int i, JsonNode energy, JsonNode raw, JsonNode quality) throws RecordValidationException {
        if (!quality.isString() || !QUALITIES.contains(quality.stringValue())) {
            throw schema("/quality/" + i, "must be one of GOOD, GAP, SUSPECT, COMM_FAILURE");
        }
        if (!energy.isNull() && !isDecimal(energy)) {
            throw schema("/energyKwh/" + i, "must be a non-negative decimal string or null");
        }
        if (!raw.isNull() && !isRegisterWords(raw)) {
            throw schema("/rawRegisterValues/" + i, "must be 1 to 16 words of 4 lowercase hex digits or null");
        }
        boolean flagged = quality.stringValue().equals("GAP") || quality.stringValue().equals("COMM_FAILURE");
        if (flagged && !(energy.isNull() && raw.isNull())) {
            throw new RecordValidationException("reading " + i + " is " + quality.stringValue()
                    + " but carries a value: a flagged reading has null energyKwh and rawRegisterValues");
        }
        if (!flagged && (energy.isNull() || raw.isNull())) {
            throw new RecordValidationException("reading " + i + " is " + quality.stringValue()
                    + " but has no value: only GAP and COMM_FAILURE readings are null");
        }
    }

    private static JsonNode column(JsonNode batch, String name) throws RecordValidationException {
        JsonNode column = batch.get(name);
        if (!column.isArray() || column.isEmpty() || column.size() > MAX_READINGS) {
            throw schema("/" + name, "must be an array of 1 to " + MAX_READINGS + " readings");
        }
        return column;
    }

    private static void identifier(JsonNode batch, String name) throws RecordValidationException {
        JsonNode value = batch.get(name);
        if (!value.isString() || !IDENTIFIER.matcher(value.stringValue()).matches()) {
            throw schema("/" + name, "must be an identifier");
        }
    }

    /** common.schema.json readingTime: a timestamp in whole seconds. */
    private static void timestamp(JsonNode start) throws RecordValidationException {
        if (!start.isString() || !TIMESTAMP.matcher(start.stringValue()).matches()) {
            throw schema("/start", "must be an RFC 3339 date-time in UTC ending in Z");
        }
        if (start.stringValue().indexOf('.') >= 0) {
            throw schema("/start", "must be in whole seconds: a reading time has no fraction of a second");
        }
        try {
            Instant.parse(start.stringValue());
        } catch (DateTimeParseException e) {
            throw schema("/start", "must be a valid RFC 3339 date-time");
        }
    }

    /** common.schema.json nonNegativeDecimal: ^(0|[1-9][0-9]{0,17})(\.[0-9]{1,12})?$ */
    static boolean isDecimal(JsonNode node) {
        if (!node.isString()) {
            return false;
        }
        String s = node.stringValue();
        int dot = s.indexOf('.');
        int whole = dot < 0 ? s.length() : dot;
        if (whole == 0 || whole > 18 || (whole > 1 && s.charAt(0) == '0') || !digits(s, 0, whole)) {
            return false;
        }
        int fraction = dot < 0 ? 0 : s.length() - dot - 1;
        return dot < 0 || (fraction >= 1 && fraction <= 12 && digits(s, dot + 1, s.length()));
    }

    private static boolean isRegisterWords(JsonNode node) {
        if (!node.isString()) {
            return false;
        }
        String s = node.stringValue();
        if (s.isEmpty() || s.length() > 64 || s.length() % 4 != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static RecordValidationException schema(String pointer, String message) {
        String violation = pointer + ": " + message;
        return new RecordValidationException("record does not match schema " + SCHEMA + ": " + violation, List.of(violation));
    }
}
