package org.cbamledger.connector.register;

/** A register map file is missing or malformed. */
public final class RegisterMapException extends Exception {
    public RegisterMapException(String message) {
        super(message);
    }

    public RegisterMapException(String message, Throwable cause) {
        super(message, cause);
    }
}
