package org.cbamledger.archive;

import java.util.regex.Pattern;

/** Checks of record fields against the shared definitions in schemas/v1/common.schema.json. */
final class RecordFields {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    private static final int MAX_TEXT_CHARS = 1000;
    private static final int MAX_FILE_NAME_CHARS = 255;

    private RecordFields() {}

    static String requireIdentifier(String value, String field) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " is not an identifier ([A-Za-z0-9][A-Za-z0-9._:/-]{0,127}): " + value);
        }
        return value;
    }

    static String requireText(String value, String field) {
        if (value == null || value.isEmpty() || value.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException(field + " must be 1 to " + MAX_TEXT_CHARS + " characters");
        }
        return value;
    }

    static String requireFileName(String value) {
        if (value.isEmpty() || value.length() > MAX_FILE_NAME_CHARS) {
            throw new IllegalArgumentException("fileName must be 1 to " + MAX_FILE_NAME_CHARS + " characters");
        }
        return value;
    }
}
