package org.cbamledger.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RecordValidatorTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode vector(String path) {
        try (InputStream in = RecordValidatorTest.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.util.List<String> kinds() {
        return Kinds.ALL;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void validate_acceptsTheValidExampleOfEveryKind(String kind) throws RecordValidationException {
        RecordValidator.validate(vector("records/valid/" + kind + ".json"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKind_hasASchemaWhoseKindIsConst(String kind) {
        JsonNode schema = vector("../schemas/v1/" + kind + ".schema.json");
        assertEquals(kind, schema.get("properties").get("kind").get("const").stringValue());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").stringValue());
    }

    private static String failure(String path) {
        return assertThrows(RecordValidationException.class,
                () -> RecordValidator.validate(vector("records/invalid/" + path))).getMessage();
    }

    @Test
    void validate_rejectsUnknownKind() {
        assertEquals("record kind \"fuel-delivery\" is unknown", failure("unknown_kind.json"));
    }

    @Test
    void validate_rejectsMissingKind() {
        assertEquals("record has no string member \"kind\"", failure("missing_kind.json"));
    }

    @Test
    void validate_rejectsEnergyAsJsonNumber() {
        String message = failure("energy_as_number.json");
        assertTrue(message.startsWith("record does not match schema meter-reading-batch: "), message);
        assertTrue(message.contains("energyKwh"), message);
    }

    @Test
    void validate_rejectsStaleValueOnCommunicationFailure() {
        String message = failure("stale_value_on_comm_failure.json");
        assertTrue(message.startsWith("record does not match schema meter-reading-batch: "), message);
    }

    @Test
    void validate_rejectsIntervalEndingBeforeItStarts() {
        assertEquals("reading 0 ends before it starts", failure("interval_ends_before_start.json"));
    }

    @Test
    void validate_rejectsAReadingTimeWithAFractionOfASecond_andKeepsOtherTimestampsPrecise() throws RecordValidationException {
        String message = failure("reading_time_with_fraction.json");
        assertTrue(message.startsWith("record does not match schema meter-reading-batch: /readings/0/intervalEnd: "), message);
        ObjectNode revocation = (ObjectNode) vector("records/valid/key-revocation.json");
        revocation.put("revokedAt", "2026-04-02T09:15:30.125Z");
        RecordValidator.validate(revocation);
    }

    @Test
    void validate_rejectsUnexpectedMember() {
        String message = failure("unexpected_member.json");
        assertTrue(message.startsWith("record does not match schema key-revocation: "), message);
        assertTrue(message.contains("comment"), message);
    }

    @Test
    void validate_acceptsASummaryOfRefusals_andRefusesOneOfNone() throws RecordValidationException {
        RecordValidator.validate(vector("records/valid/room-access-summary.json"));
        String message = failure("room_access_summary_of_no_refusals.json");
        assertTrue(message.startsWith("record does not match schema room-access: "), message);
        assertTrue(message.contains("count"), message);
    }

    @Test
    void validate_acceptsAnAlloyCompositionAndAScrapOrigin_andOldRecordsWithoutThem() throws RecordValidationException {
        ObjectNode batch = (ObjectNode) vector("records/valid/production-batch.json");
        RecordValidator.validate(batch);
        ObjectNode composition = batch.putObject("alloyComposition");
        composition.put("source", "mill certificate 2026-0117");
        composition.putArray("elements").addObject().put("element", "Mg").put("massPercent", "0.48");
        RecordValidator.validate(batch);
        ObjectNode purchase = (ObjectNode) vector("records/valid/precursor-purchase.json");
        purchase.put("cnCode", "7602").put("scrapOrigin", "pre-consumer");
        RecordValidator.validate(purchase);
        ObjectNode statement = (ObjectNode) vector("records/valid/supplier-precursor-statement.json");
        statement.put("cnCode", "7602").put("scrapOrigin", "post-consumer");
        RecordValidator.validate(statement);
    }

    @Test
    void validate_rejectsAluminiumAmongTheOtherElements_andANegativeShare() {
        String message = failure("batch_composition_lists_aluminium.json");
        assertTrue(message.startsWith("record does not match schema production-batch: "), message);
        ObjectNode batch = (ObjectNode) vector("records/valid/production-batch.json");
        ObjectNode composition = batch.putObject("alloyComposition");
        composition.put("source", "mill certificate");
        composition.putArray("elements").addObject().put("element", "Mg").put("massPercent", "-0.48");
        assertThrows(RecordValidationException.class, () -> RecordValidator.validate(batch));
    }

    @Test
    void validate_rejectsAScrapOriginOtherThanPreOrPostConsumer() {
        String message = failure("purchase_scrap_origin_unknown.json");
        assertTrue(message.startsWith("record does not match schema precursor-purchase: "), message);
        assertTrue(message.contains("scrapOrigin"), message);
    }

    @Test
    void validate_rejectsLocalTimeWithoutZone() {
        assertTrue(failure("local_time_without_zone.json").startsWith("record does not match schema key-revocation: "));
    }

    @Test
    void validate_rejectsCorrectionOfACorrection() {
        assertTrue(failure("correction_of_correction.json").startsWith("record does not match schema correction: "));
    }

    @Test
    void validate_checksTheReplacementAgainstItsOwnKind() {
        String message = failure("correction_with_invalid_replacement.json");
        assertTrue(message.startsWith("record does not match schema meter: "), message);
    }

    @Test
    void validate_rejectsKeyValidUntilBeforeValidFrom() {
        assertEquals("key registration validUntil is not after validFrom", failure("key_valid_until_before_from.json"));
    }

    @Test
    void validate_rejectsImpossibleDate() {
        ObjectNode record = (ObjectNode) vector("records/valid/key-revocation.json");
        record.put("revokedAt", "2026-02-30T12:00:00Z");
        RecordValidationException e = assertThrows(RecordValidationException.class, () -> RecordValidator.validate(record));
        assertTrue(e.getMessage().startsWith("record does not match schema key-revocation: "), e.getMessage());
    }

    @Test
    void validate_rejectsSequenceBeyondExactDoubleRange() {
        ObjectNode record = (ObjectNode) vector("records/valid/meter-reading-batch.json");
        record.put("sequence", 9007199254740992L);
        assertThrows(RecordValidationException.class, () -> RecordValidator.validate(record));
        record.put("sequence", -1);
        assertThrows(RecordValidationException.class, () -> RecordValidator.validate(record));
    }

    @Test
    void validate_rejectsADeniedRoomAccessWithoutReason() {
        assertEquals("record does not match schema room-access: /reason: null found, string expected",
                failure("room_access_denied_without_reason.json"));
    }

    @Test
    void validate_rejectsARoomAccessPathCarryingAToken() {
        String message = failure("room_access_token_in_query.json");
        assertTrue(message.startsWith("record does not match schema room-access: /request/path: "), message);
    }

    @Test
    void validate_rejectsAGrantedRoomAccessWithAReason() {
        ObjectNode record = (ObjectNode) vector("records/valid/room-access.json");
        record.put("reason", "looked fine");
        String message = assertThrows(RecordValidationException.class, () -> RecordValidator.validate(record)).getMessage();
        assertTrue(message.startsWith("record does not match schema room-access: /reason: "), message);
    }

    @Test
    void validate_rejectsADeniedRoomAccessAnsweredWithSuccess() throws RecordValidationException {
        ObjectNode record = (ObjectNode) vector("records/valid/room-access.json");
        record.put("outcome", "denied").put("status", 403).put("reason", "no grant of this room to party eu-importer-de");
        RecordValidator.validate(record);
        record.put("status", 200);
        String message = assertThrows(RecordValidationException.class, () -> RecordValidator.validate(record)).getMessage();
        assertTrue(message.startsWith("record does not match schema room-access: /status: "), message);
    }

    @Test
    void validate_rejectsARoomGrantWithoutScopes_andARevocationWithScopes() throws RecordValidationException {
        ObjectNode record = (ObjectNode) vector("records/valid/room-grant.json");
        record.putArray("scopes");
        String granted = assertThrows(RecordValidationException.class, () -> RecordValidator.validate(record)).getMessage();
        assertTrue(granted.startsWith("record does not match schema room-grant: /scopes: "), granted);
        record.put("action", "revoked");
        RecordValidator.validate(record);
        record.putArray("scopes").add("view");
        String revoked = assertThrows(RecordValidationException.class, () -> RecordValidator.validate(record)).getMessage();
        assertTrue(revoked.startsWith("record does not match schema room-grant: /scopes: "), revoked);
    }

    @Test
    void logAuthoredKinds_areKnownKinds() {
        assertEquals(java.util.Set.of("room-access", "room-grant", "index-commitment", "log-key-rotation"),
                Kinds.LOG_AUTHORED);
        assertTrue(Kinds.ALL.containsAll(Kinds.LOG_AUTHORED));
    }

    @Test
    void validateAgainst_checksApiDocuments() throws RecordValidationException {
        ObjectNode proof = JSON.createObjectNode();
        proof.put("from", 3);
        proof.put("to", 7);
        proof.putArray("hashes").add("3ckBwCiJXDl3EwkV6NJvJPMDwKSqUrbEC03TO7KScgM=");
        RecordValidator.validateAgainst("consistency-proof", proof);
        proof.put("extra", 1);
        assertThrows(RecordValidationException.class, () -> RecordValidator.validateAgainst("consistency-proof", proof));
        assertEquals("schema \"nope\" cannot be loaded", assertThrows(RecordValidationException.class,
                () -> RecordValidator.validateAgainst("nope", proof)).getMessage());
    }
}
