package org.cbamledger.calculation.rules;

import java.math.BigDecimal;
import org.cbamledger.calculation.core.Decimals;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One value of a rule set with its unit, its citation and whether the source confirms it. */
public record RuleEntry(String key, BigDecimal value, String unit, String citation, RuleStatus status) {

    public RuleEntry {
        value = Decimals.normalize(value);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("value", Decimals.plain(value));
        node.put("unit", unit);
        node.put("citation", citation);
        node.put("status", status.wireName());
        return node;
    }
}
