package org.cbamledger.calculation.statement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import org.cbamledger.calculation.core.Decimals;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How exact figures are rounded when presented, by unit, half up; a unit not listed is shown exactly. The engine
 * never rounds: only a statement (and its PDF) does, and it declares this policy.
 */
public final class PresentationPolicy {
    public static final String ID = "cbam-ledger-presentation/v1";
    private static final Map<String, Integer> DECIMALS = new TreeMap<>(Map.of(
            "tCO2", 3, "tCO2e", 3, "t", 3, "tCO2/t", 6, "tCO2e/t", 6, "EUR", 2, "%", 2));

    private PresentationPolicy() {}

    public static BigDecimal present(BigDecimal exact, String unit) {
        Integer decimals = DECIMALS.get(unit);
        return decimals == null ? Decimals.normalize(exact) : Decimals.normalize(exact.setScale(decimals, RoundingMode.HALF_UP));
    }

    public static ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", ID);
        node.put("rounding", "half-up");
        ObjectNode decimals = node.putObject("decimalsByUnit");
        DECIMALS.forEach(decimals::put);
        return node;
    }
}
