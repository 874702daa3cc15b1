package org.cbamledger.service.http;

/** A caller over its request rate: 429 {@code too-many-requests} with {@code Retry-After}. */
public final class TooManyRequestsException extends Exception {
    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
