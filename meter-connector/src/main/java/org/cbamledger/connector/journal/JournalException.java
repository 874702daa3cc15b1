package org.cbamledger.connector.journal;

/** The local journal cannot be read or written. */
public class JournalException extends Exception {
    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
