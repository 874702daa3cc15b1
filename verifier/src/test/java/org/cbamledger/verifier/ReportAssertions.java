package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How tests read a verification report: every line for a failure message, and a named FAIL line expected. */
final class ReportAssertions {
    private ReportAssertions() {}

    static String describe(VerificationReport report) {
        StringBuilder out = new StringBuilder();
        report.results().forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }

    static void assertFailure(VerificationReport report, String check, String subject, String messagePart) {
        assertFalse(report.passed(), () -> describe(report));
        assertTrue(report.failures().stream().anyMatch(f -> f.check().equals(check) && f.subject().equals(subject)
                        && f.message().contains(messagePart)),
                () -> "expected FAIL " + check + " " + subject + " \"" + messagePart + "\" in\n" + describe(report));
    }
}
