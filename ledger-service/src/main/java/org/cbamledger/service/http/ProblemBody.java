package org.cbamledger.service.http;

/** RFC 9457 problem details, as CONTRACTS.md fixes them. */
record ProblemBody(String type, String title, int status, String detail) {
    static final String TYPE_PREFIX = "https://cbam-ledger.org/problems/";

    static ProblemBody of(String slug, String title, int status, String detail) {
        return new ProblemBody(TYPE_PREFIX + slug, title, status, detail);
    }
}
