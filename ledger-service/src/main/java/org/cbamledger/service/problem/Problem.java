package org.cbamledger.service.problem;

/**
 * The ledger's failure kinds, each with its stable problem type slug and title; the HTTP edge maps them to statuses
 * ({@code service.http.ProblemStatus}).
 */
public enum Problem {
    MALFORMED_ENVELOPE("malformed-envelope", "Malformed envelope"),
    ENTRY_TOO_LARGE("entry-too-large", "Entry too large"),
    SCHEMA_VIOLATION("schema-violation", "Record violates its schema"),
    BAD_SIGNATURE("bad-signature", "Signature does not verify"),
    UNKNOWN_KEY("unknown-key", "Signing key not registered in this log"),
    REVOKED_KEY("revoked-key", "Signing key revoked"),
    KEY_NOT_VALID("key-not-valid", "Signing key outside its validity window"),
    KIND_NOT_ALLOWED("kind-not-allowed", "Signing key not allowed for this record kind"),
    KEY_ALREADY_REGISTERED("key-already-registered", "Key already registered"),
    DEVICE_SEQUENCE_CONFLICT("device-sequence-conflict", "Device batch sequence already used"),
    CLAIM_CONFLICT("claim-conflict", "Already claimed in this deployment"),
    INVALID_BOOTSTRAP("invalid-bootstrap", "Invalid log bootstrap"),
    INVALID_LOG_ID("invalid-log-id", "Invalid log id"),
    LOG_EXISTS("log-exists", "Log already exists"),
    LOG_NOT_FOUND("log-not-found", "Log not found"),
    ENTRY_NOT_FOUND("entry-not-found", "Entry not found"),
    INVALID_PARAMETER("invalid-parameter", "Invalid parameter"),
    INVALID_STATEMENT("invalid-statement", "Invalid emissions statement"),
    STATEMENT_EXISTS("statement-exists", "Statement id already used"),
    STATEMENT_NOT_FOUND("statement-not-found", "Statement not found"),
    DOCUMENT_NOT_FOUND("document-not-found", "Document not found"),
    ROOM_NOT_FOUND("room-not-found", "Data room not found"),
    INVALID_ROOM("invalid-room", "Invalid data room"),
    QUEUE_FULL("queue-full", "Submission queue full"),
    ROTATION_OVERTAKEN("rotation-overtaken", "Log grew past the rotation's fromSize before it was sequenced"),
    UNAVAILABLE("unavailable", "Ledger unavailable");

    private final String slug;
    private final String title;

    Problem(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
