package org.cbamledger.archive;

/** The ledger did not accept an entry. */
public final class LedgerAppendException extends Exception {
    public LedgerAppendException(String message) {
        super(message);
    }

    public LedgerAppendException(String message, Throwable cause) {
        super(message, cause);
    }
}
