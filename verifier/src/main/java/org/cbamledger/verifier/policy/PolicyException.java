package org.cbamledger.verifier.policy;

/** A trust policy file that cannot be used; the message names the member at fault. */
public final class PolicyException extends Exception {
    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
