package org.cbamledger.calculation.statement;

import org.cbamledger.calculation.core.Decimals;
import tools.jackson.databind.JsonNode;

/** A statement member as text for the PDF: "-" when absent, decimals exactly as the statement carries them. */
final class StatementText {
    private StatementText() {}

    static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        if (value.isMissingNode() || value.isNull()) {
            return "-";
        }
        if (value.isNumber()) { // statements carry decimal strings; a number is shown exactly too
            return Decimals.plain(Decimals.fromJson(value));
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
