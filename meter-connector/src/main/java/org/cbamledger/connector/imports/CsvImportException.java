package org.cbamledger.connector.imports;

import java.util.List;

/** A CSV file was rejected; every problem is named by line and field, nothing was imported. */
public final class CsvImportException extends Exception {
    private final List<String> problems;

    public CsvImportException(String file, List<String> problems) {
        super(file + " rejected, nothing imported: " + problems.size() + " problem(s)\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
