package org.cbamledger.service.log;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.DeviceBatch;
import org.cbamledger.service.store.KeyRegistration;
import org.cbamledger.service.store.KeyRevocation;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.SignerException;
import tools.jackson.databind.JsonNode;

/** Reads the fields the ledger acts on from records that already passed their schema. */
final class RecordFields {
    private RecordFields() {}

    static KeyRegistration keyRegistration(JsonNode record) throws LedgerException {
        PublicKeyInfo publicKey;
        try {
            KeyAlgorithm algorithm = KeyAlgorithm.fromWire(text(record, "algorithm"));
            publicKey = PublicKeyInfo.fromBase64(algorithm, text(record, "publicKey"));
        } catch (SignerException e) {
            throw new LedgerException(Problem.SCHEMA_VIOLATION, "key-registration publicKey: " + e.getMessage(), e);
        }
        String keyId = text(record, "keyId");
        if (!keyId.equals(publicKey.keyId())) {
            throw new LedgerException(Problem.SCHEMA_VIOLATION,
                    "key-registration keyId " + keyId + " is not the SHA-256 of its publicKey (" + publicKey.keyId() + ")");
        }
        List<String> kinds = new ArrayList<>();
        for (JsonNode kind : record.path("allowedKinds").values()) {
            kinds.add(kind.asString());
        }
        Instant validFrom = instant(record, "validFrom");
        Instant validUntil = record.path("validUntil").isNull() ? null : instant(record, "validUntil");
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new LedgerException(Problem.SCHEMA_VIOLATION, "key-registration validUntil is before validFrom");
        }
        return new KeyRegistration(keyId, publicKey, text(record, "party"), text(record, "role"), List.copyOf(kinds),
                validFrom, validUntil);
    }

    static KeyRevocation keyRevocation(JsonNode record) throws LedgerException {
        return new KeyRevocation(text(record, "keyId"), instant(record, "revokedAt"), text(record, "reason"));
    }

    static DeviceBatch deviceBatch(JsonNode record) throws LedgerException {
        JsonNode sequence = record.get("sequence");
        if (sequence == null || !sequence.isIntegralNumber()) {
            throw new LedgerException(Problem.SCHEMA_VIOLATION, "meter-reading-batch sequence must be an integer");
        }
        return new DeviceBatch(text(record, "deviceId"), sequence.longValue());
    }

    static String text(JsonNode record, String field) throws LedgerException {
        JsonNode value = record.get(field);
        if (value == null || !value.isString()) {
            throw new LedgerException(Problem.SCHEMA_VIOLATION, "record field " + field + " must be a string");
        }
        return value.stringValue();
    }

    static Instant instant(JsonNode record, String field) throws LedgerException {
        String value = text(record, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new LedgerException(Problem.SCHEMA_VIOLATION, "record field " + field + " is not an RFC 3339 time: " + value, e);
        }
    }
}
