package org.cbamledger.service.auth;

/**
 * Scope names of CONTRACTS.md: {@code admin}, {@code log:<logId>:submit|read|admin}, {@code importer:<partyId>}
 * (reads the statements issued to that party, and the data rooms granted to it) and {@code verifier:<partyId>}
 * (reads the data rooms granted to that party).
 */
public final class Scopes {
    public static final String ADMIN = "admin";
    private static final String IMPORTER_PREFIX = "importer:";
    private static final String VERIFIER_PREFIX = "verifier:";

    private Scopes() {}

    public static String submit(String logId) {
        return "log:" + logId + ":submit";
    }

    public static String read(String logId) {
        return "log:" + logId + ":read";
    }

    public static String logAdmin(String logId) {
        return "log:" + logId + ":admin";
    }

    public static String importer(String partyId) {
        return IMPORTER_PREFIX + partyId;
    }

    public static String verifier(String partyId) {
        return VERIFIER_PREFIX + partyId;
    }

    /** The party id of an {@code importer:<partyId>} scope, or null. */
    public static String importerPartyOf(String scope) {
        return partyAfter(IMPORTER_PREFIX, scope);
    }

    /** The party id of a {@code verifier:<partyId>} scope, or null. */
    public static String verifierPartyOf(String scope) {
        return partyAfter(VERIFIER_PREFIX, scope);
    }

    private static String partyAfter(String prefix, String scope) {
        return scope.startsWith(prefix) && scope.length() > prefix.length() ? scope.substring(prefix.length()) : null;
    }

    /** The log id of a per-log scope, or null. */
    static String logIdOf(String scope) {
        if (!scope.startsWith("log:")) {
            return null;
        }
        int end = scope.lastIndexOf(':');
        return end > 4 ? scope.substring(4, end) : null;
    }
}
