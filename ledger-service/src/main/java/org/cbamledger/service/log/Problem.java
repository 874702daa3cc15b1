package org.cbamledger.service.log;

/** The ledger's failure kinds, each with the stable problem type slug and HTTP status it maps to. */
public enum Problem {
    MALFORMED_ENVELOPE("malformed-envelope", 400, "Malformed envelope"),
    ENTRY_TOO_LARGE("entry-too-large", 413, "Entry too large"),
    SCHEMA_VIOLATION("schema-violation", 422, "Record violates its schema"),
    BAD_SIGNATURE("bad-signature", 422, "Signature does not verify"),
    UNKNOWN_KEY("unknown-key", 422, "Signing key not registered in this log"),
    REVOKED_KEY("revoked-key", 422, "Signing key revoked"),
    KEY_NOT_VALID("key-not-valid", 422, "Signing key outside its validity window"),
    KIND_NOT_ALLOWED("kind-not-allowed", 422, "Signing key not allowed for this record kind"),
    KEY_ALREADY_REGISTERED("key-already-registered", 409, "Key already registered"),
    DEVICE_SEQUENCE_CONFLICT("device-sequence-conflict", 409, "Device batch sequence already used"),
    CLAIM_CONFLICT("claim-conflict", 409, "Already claimed in this deployment"),
    INVALID_BOOTSTRAP("invalid-bootstrap", 400, "Invalid log bootstrap"),
    INVALID_LOG_ID("invalid-log-id", 400, "Invalid log id"),
    LOG_EXISTS("log-exists", 409, "Log already exists"),
    LOG_NOT_FOUND("log-not-found", 404, "Log not found"),
    ENTRY_NOT_FOUND("entry-not-found", 404, "Entry not found"),
    INVALID_PARAMETER("invalid-parameter", 400, "Invalid parameter"),
    INVALID_STATEMENT("invalid-statement", 422, "Invalid emissions statement"),
    STATEMENT_EXISTS("statement-exists", 409, "Statement id already used"),
    STATEMENT_NOT_FOUND("statement-not-found", 404, "Statement not found"),
    DOCUMENT_NOT_FOUND("document-not-found", 404, "Document not found"),
    ROOM_NOT_FOUND("room-not-found", 404, "Data room not found"),
    INVALID_ROOM("invalid-room", 400, "Invalid data room"),
    QUEUE_FULL("queue-full", 503, "Submission queue full"),
    UNAVAILABLE("unavailable", 503, "Ledger unavailable");

    private final String slug;
    private final int status;
    private final String title;

    Problem(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
