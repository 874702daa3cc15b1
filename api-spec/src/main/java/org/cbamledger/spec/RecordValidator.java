package org.cbamledger.spec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Validates records against schemas/v1/<kind>.schema.json (JSON Schema draft 2020-12) and RecordRules; a columnar
 * meter-reading-batch ("version": 2, meter-reading-batch.v2.schema.json) by ColumnarBatchCheck, held to that schema.
 */
public final class RecordValidator {
    /** Schema ids are https URIs, resolved from the classpath only: validation never touches the network. */
    public static final String SCHEMA_BASE = "https://cbam-ledger.org/schemas/v1/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaLoader(loader -> loader
                            .schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_BASE, "classpath:schemas/v1/"))
                            .fetchRemoteResources(false)));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private RecordValidator() {}

    /** Validates a record of a known kind, including a correction's replacement record. */
    public static void validate(JsonNode record) throws RecordValidationException {
        validate(record, "");
    }

    private static void validate(JsonNode record, String location) throws RecordValidationException {
        if (record == null || !record.isObject()) {
            throw new RecordValidationException("record is not a JSON object");
        }
        JsonNode kind = record.get("kind");
        if (kind == null || !kind.isString()) {
            throw new RecordValidationException("record has no string member \"kind\"");
        }
        if (!Kinds.isKnown(kind.stringValue())) {
            throw new RecordValidationException("record kind \"" + kind.stringValue() + "\" is unknown");
        }
        if (kind.stringValue().equals(Kinds.METER_READING_BATCH) && record.has("version")) {
            checkColumnarBatch(record, location);
        } else {
            validateAgainst(kind.stringValue(), record, location);
            RecordRules.check(record);
        }
        if (kind.stringValue().equals(Kinds.CORRECTION)) {
            validate(record.get("replacement"), location + "/replacement");
        }
    }

    /** A meter-reading-batch with "version": 2 is columnar (meter-reading-batch.v2.schema.json); without, version 1. */
    private static void checkColumnarBatch(JsonNode record, String location) throws RecordValidationException {
        JsonNode version = record.get("version");
        if (!version.isIntegralNumber() || version.asLong() != 2) {
            throw new RecordValidationException(location + (location.isEmpty() ? "" : ": ") + "meter-reading-batch version "
                    + version + " is unknown: version 2 is the columnar batch, version 1 has no member \"version\"");
        }
        try {
            ColumnarBatchCheck.check(record);
        } catch (RecordValidationException e) {
            if (location.isEmpty()) {
                throw e;
            }
            throw new RecordValidationException(location + ": " + e.getMessage(), e.violations());
        }
    }

    /**
     * Validates a document against schemas/v1/<schemaName>.schema.json; also for the non-record schemas
     * "envelope", "checkpoint", "inclusion-proof" and "consistency-proof".
     */
    public static void validateAgainst(String schemaName, JsonNode document) throws RecordValidationException {
        validateAgainst(schemaName, document, "");
    }

    private static void validateAgainst(String schemaName, JsonNode document, String location)
            throws RecordValidationException {
        Schema schema;
        try {
            schema = SCHEMAS.computeIfAbsent(schemaName,
                    name -> REGISTRY.getSchema(SchemaLocation.of(SCHEMA_BASE + name + ".schema.json")));
        } catch (RuntimeException e) {
            throw new RecordValidationException("schema \"" + schemaName + "\" cannot be loaded");
        }
        List<Error> errors = schema.validate(document);
        if (!errors.isEmpty()) {
            List<String> violations = errors.stream().map(error -> describe(location, error)).toList();
            throw new RecordValidationException(
                    "record does not match schema " + schemaName + ": " + violations.getFirst(), violations);
        }
    }

    /** "<JSON pointer of the instance>: <message>", the pointer "/" for the document itself. */
    private static String describe(String location, Error error) {
        String pointer = location + error.getInstanceLocation().toString();
        return (pointer.isEmpty() ? "/" : pointer) + ": " + error.getMessage();
    }
}
