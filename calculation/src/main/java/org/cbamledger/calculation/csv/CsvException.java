package org.cbamledger.calculation.csv;

/** A CSV file that cannot be read; the message names the file, the line and what is wrong. */
public final class CsvException extends Exception {
    public CsvException(String message) {
        super(message);
    }

    public CsvException(String message, Throwable cause) {
        super(message, cause);
    }
}
