package org.cbamledger.service.http;

import java.util.HexFormat;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;

/** Path and query values parsed here, so a bad one is a problem+json 400 like any other bad input. */
public final class Params {
    private Params() {}

    public static long nonNegative(String name, String value) throws LedgerException {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LedgerException(Problem.INVALID_PARAMETER, name + " must be a non-negative integer, got " + value);
    }

    static Long optionalNonNegative(String name, String value) throws LedgerException {
        return value == null || value.isEmpty() ? null : nonNegative(name, value);
    }

    /** A wait such as {@code 500ms} or {@code 5s}, at most 30 seconds; absent: no wait. */
    static java.time.Duration waitDuration(String name, String value) throws LedgerException {
        if (value == null || value.isEmpty()) {
            return java.time.Duration.ZERO;
        }
        var m = java.util.regex.Pattern.compile("([0-9]{1,6})(ms|s)").matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            java.time.Duration d = m.group(2).equals("s") ? java.time.Duration.ofSeconds(n) : java.time.Duration.ofMillis(n);
            if (d.compareTo(java.time.Duration.ofSeconds(30)) <= 0) {
                return d;
            }
        }
        throw new LedgerException(Problem.INVALID_PARAMETER, name + " must be a duration like 500ms or 5s, at most 30s");
    }

    static byte[] sha256Hex(String name, String value) throws LedgerException {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new LedgerException(Problem.INVALID_PARAMETER, name + " must be 64 lowercase hex digits");
        }
        return HexFormat.of().parseHex(value);
    }
}
