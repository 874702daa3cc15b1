package org.cbamledger.verifier.bundle;

/** A bundle that does not follow the layout of api-spec/BUNDLE.md; the message names the file. */
public final class BundleException extends Exception {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
