package org.cbamledger.service.problem;

/** Why the ledger refused or could not do something; {@link #problem()} says which kind. */
public final class LedgerException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Problem problem;

    public LedgerException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public LedgerException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
