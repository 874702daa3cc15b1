package org.cbamledger.service.http;

/** A path, query or body value that breaks its rule ({@link EdgeInput}): answered 400 {@code invalid-parameter}. */
public final class InvalidInputException extends Exception {
    private final String parameter;

    public InvalidInputException(String parameter, String problem) {
        super(parameter + " " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
