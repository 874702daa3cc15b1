package org.cbamledger.calculation.scenario;

import java.util.List;

/** A column of a scenario table: its name, how its cells are read, whether it must be filled, allowed values. */
record Column(String name, ColumnType type, boolean required, List<String> allowed) {

    static Column required(String name, ColumnType type) {
        return new Column(name, type, true, List.of());
    }

    static Column optional(String name, ColumnType type) {
        return new Column(name, type, false, List.of());
    }

    static Column oneOf(String name, boolean required, String... allowed) {
        return new Column(name, ColumnType.TEXT, required, List.of(allowed));
    }

    enum ColumnType {
        TEXT,
        /** a decimal number, zero or more, exact (at most 15 significant digits) */
        NUMBER,
        /** a NUMBER from 0 to 100 (a share in percent) */
        PERCENT,
        /** YYYY-MM-DD */
        DATE,
        /** true or false */
        BOOLEAN,
        /** ISO 3166-1 alpha-2 */
        COUNTRY,
        /** a precursor's CN code: 4, 6 or 8 digits (seed 001 names billets by heading, "CN 7601"); spaces dropped */
        CN_CODE,
        /** a good's CN code: 8 digits (api-spec common.schema.json cnCode); spaces as in "7604 10 90" dropped */
        GOOD_CN_CODE
    }
}
