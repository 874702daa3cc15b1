package org.cbamledger.calculation.scenario;

/** A scenario directory that cannot be loaded; the message names the file, the line or field, and what is wrong. */
public final class ScenarioException extends Exception {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
