package org.cbamledger.signer;

/** Failure to parse, sign or verify a signed object; the message is exact and stable. */
public final class SignerException extends Exception {
    public SignerException(String message) {
        super(message);
    }

    public SignerException(String message, Throwable cause) {
        super(message, cause);
    }
}
