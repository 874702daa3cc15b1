package org.cbamledger.archive;

/** The archive's checked exception; subclasses name the cases a caller must tell apart. */
public class ArchiveException extends Exception {
    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
