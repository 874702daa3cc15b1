package org.cbamledger.service.http;

import org.cbamledger.service.problem.Problem;

/** The one table from the ledger's problem types to HTTP statuses: the domain names failures, the edge answers. */
public final class ProblemStatus {
    private ProblemStatus() {}

    public static int of(Problem problem) {
        return switch (problem) {
            case MALFORMED_ENVELOPE, INVALID_BOOTSTRAP, INVALID_LOG_ID, INVALID_PARAMETER, INVALID_ROOM -> 400;
            case LOG_NOT_FOUND, ENTRY_NOT_FOUND, STATEMENT_NOT_FOUND, DOCUMENT_NOT_FOUND, ROOM_NOT_FOUND -> 404;
            case KEY_ALREADY_REGISTERED, DEVICE_SEQUENCE_CONFLICT, CLAIM_CONFLICT, LOG_EXISTS, STATEMENT_EXISTS,
                    ROTATION_OVERTAKEN -> 409;
            case ENTRY_TOO_LARGE -> 413;
            case SCHEMA_VIOLATION, BAD_SIGNATURE, UNKNOWN_KEY, REVOKED_KEY, KEY_NOT_VALID, KIND_NOT_ALLOWED, INVALID_STATEMENT -> 422;
            case QUEUE_FULL, UNAVAILABLE -> 503;
        };
    }
}
