package org.cbamledger.verifier.context;

/** One line of a verification report: which check, on which file, with what outcome. */
public record CheckResult(String check, String subject, CheckStatus status, String message) {

    public static CheckResult pass(String check, String subject, String message) {
        return new CheckResult(check, subject, CheckStatus.PASS, message);
    }

    public static CheckResult fail(String check, String subject, String message) {
        return new CheckResult(check, subject, CheckStatus.FAIL, message);
    }

    public boolean failed() {
        return status == CheckStatus.FAIL;
    }
}
