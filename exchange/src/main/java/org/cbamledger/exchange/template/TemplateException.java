package org.cbamledger.exchange.template;

/** A communication template that cannot be written or read; the message names the sheet and cell where it can. */
public final class TemplateException extends Exception {
    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
