package org.cbamledger.service.auth;

/**
 * Scope names of CONTRACTS.md: {@code admin}, {@code log:<logId>:submit|read|admin}, and {@code importer:<partyId>}
 * (reads the statements issued to that party, nothing else).
 */
public final class Scopes {
    public static final String ADMIN = "admin";
    private static final String IMPORTER_PREFIX = "importer:";

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

    /** The party id of an {@code importer:<partyId>} scope, or null. */
    public static String importerPartyOf(String scope) {
        return scope.startsWith(IMPORTER_PREFIX) && scope.length() > IMPORTER_PREFIX.length()
                ? scope.substring(IMPORTER_PREFIX.length()) : null;
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
