package org.cbamledger.connector.journal;

/** Appending would exceed the journal's disk bound; nothing was written. */
public final class JournalFullException extends JournalException {
    public JournalFullException(String message) {
        super(message);
    }
}
