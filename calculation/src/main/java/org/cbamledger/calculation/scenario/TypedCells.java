package org.cbamledger.calculation.scenario;

import org.cbamledger.calculation.csv.CsvTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.cbamledger.calculation.core.Decimals;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads the cells of a scenario table row as the typed members of a record, naming file, line and column on error. */
final class TypedCells {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CN = Pattern.compile("[0-9]{4}([0-9]{2}){0,2}");
    private static final BigDecimal HUNDRED = new BigDecimal(100);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TypedCells() {}

    static void checkHeader(CsvTable table, TableSpec spec) throws ScenarioException {
        for (String name : table.header()) {
            if (spec.column(name) == null && !(name.equals("party") && spec.kind() != null)) {
                throw new ScenarioException(table.fileName() + " line 1: unknown column " + name);
            }
        }
        for (Column column : spec.columns()) {
            if (column.required() && !table.header().contains(column.name())) {
                throw new ScenarioException(table.fileName() + " line 1: column " + column.name() + " is missing");
            }
        }
    }

    static ObjectNode of(CsvTable.Row row, TableSpec spec) throws ScenarioException {
        ObjectNode node = NODES.objectNode();
        for (Column column : spec.columns()) {
            String cell = row.cells().get(column.name());
            if (cell == null) {
                if (column.required()) {
                    throw new ScenarioException(row.where(column.name()) + ": missing value");
                }
                continue;
            }
            if (!column.allowed().isEmpty() && !column.allowed().contains(cell)) {
                throw new ScenarioException(row.where(column.name()) + ": '" + cell + "' is not one of " + column.allowed());
            }
            switch (column.type()) {
                case TEXT -> node.put(column.name(), cell);
                case NUMBER -> node.set(column.name(), Decimals.node(number(row, column.name(), cell)));
                case PERCENT -> node.set(column.name(), Decimals.node(percent(row, column.name(), cell)));
                case DATE -> {
                    try {
                        node.put(column.name(), LocalDate.parse(cell).toString());
                    } catch (DateTimeParseException e) {
                        throw new ScenarioException(row.where(column.name()) + ": '" + cell + "' is not a date (YYYY-MM-DD)", e);
                    }
                }
                case BOOLEAN -> {
                    if (!cell.equals("true") && !cell.equals("false")) {
                        throw new ScenarioException(row.where(column.name()) + ": '" + cell + "' is not true or false");
                    }
                    node.put(column.name(), Boolean.parseBoolean(cell));
                }
                case COUNTRY -> {
                    if (!COUNTRY.matcher(cell).matches()) {
                        throw new ScenarioException(row.where(column.name()) + ": '" + cell + "' is not an ISO 3166-1 alpha-2 code");
                    }
                    node.put(column.name(), cell);
                }
                case GOOD_CN_CODE -> {
                    String digits = cell.replace(" ", "");
                    if (!digits.matches("[0-9]{8}")) {
                        throw new ScenarioException(row.where(column.name()) + ": '" + cell + "' is not an 8-digit CN code");
                    }
                    node.put(column.name(), digits);
                }
                case CN_CODE -> {
                    String digits = cell.replace(" ", "");
                    if (!CN.matcher(digits).matches()) {
                        throw new ScenarioException(row.where(column.name()) + ": '" + cell + "' is not a CN code of 4 to 10 digits");
                    }
                    node.put(column.name(), digits);
                }
            }
        }
        if (node.has("periodFrom") && node.has("periodTo")
                && LocalDate.parse(node.get("periodTo").asString()).isBefore(LocalDate.parse(node.get("periodFrom").asString()))) {
            throw new ScenarioException(row.where("periodTo") + ": ends before periodFrom");
        }
        return node;
    }

    private static BigDecimal percent(CsvTable.Row row, String column, String cell) throws ScenarioException {
        BigDecimal value = number(row, column, cell);
        if (value.compareTo(HUNDRED) > 0) {
            throw new ScenarioException(row.where(column) + ": " + cell + " % is more than 100 %");
        }
        return value;
    }

    private static BigDecimal number(CsvTable.Row row, String column, String cell) throws ScenarioException {
        BigDecimal value;
        try {
            value = new BigDecimal(cell);
        } catch (NumberFormatException e) {
            throw new ScenarioException(row.where(column) + ": '" + cell + "' is not a number (use a dot for decimals, no thousands separator)", e);
        }
        if (value.signum() < 0) {
            throw new ScenarioException(row.where(column) + ": " + cell + " is negative");
        }
        if (!Decimals.fitsDecimalString(value)) {
            throw new ScenarioException(row.where(column) + ": " + cell + " has more than 18 integer or 12 fraction digits");
        }
        return Decimals.normalize(value);
    }
}
