package org.cbamledger.service.auth;

/** Scope names of CONTRACTS.md: {@code admin}, {@code log:<logId>:submit|read|admin}. */
public final class Scopes {
    public static final String ADMIN = "admin";

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

    /** The log id of a per-log scope, or null. */
    static String logIdOf(String scope) {
        if (!scope.startsWith("log:")) {
            return null;
        }
        int end = scope.lastIndexOf(':');
        return end > 4 ? scope.substring(4, end) : null;
    }
}
