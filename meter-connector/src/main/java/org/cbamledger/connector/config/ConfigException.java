package org.cbamledger.connector.config;

/** The connector configuration is missing, unreadable or invalid. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
