package org.cbamledger.service.auth;

/** A request without the right to do what it asks: {@code status} 401 (who are you) or 403 (not allowed). */
public final class AuthException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    public AuthException(int status, String message) {
        super(message);
        this.status = status;
    }

    public AuthException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
