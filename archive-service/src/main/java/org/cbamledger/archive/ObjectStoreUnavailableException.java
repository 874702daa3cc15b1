package org.cbamledger.archive;

/**
 * The object store cannot be reached or answered with a server-side failure. Nothing was written under a
 * content key; the operation may be retried later (the service answers 503 with Retry-After).
 */
public final class ObjectStoreUnavailableException extends ArchiveException {
    public ObjectStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
