package org.cbamledger.calculation.rules;

import tools.jackson.databind.node.ObjectNode;

/**
 * A user's value for a rule key, from an override file. {@code previous} is the value it replaced, null when the
 * key is new. Every applied override is listed in the calculation and the statement.
 */
public record RuleOverride(RuleEntry entry, String reason, String source, RuleEntry previous) {

    public RuleOverride withPrevious(RuleEntry replaced) {
        return new RuleOverride(entry, reason, source, replaced);
    }

    public String key() {
        return entry.key();
    }

    public ObjectNode toJson() {
        ObjectNode node = entry.toJson();
        node.put("key", entry.key());
        node.put("reason", reason);
        node.put("source", source);
        if (previous == null) {
            node.putNull("previousValue");
        } else {
            node.put("previousValue", org.cbamledger.calculation.core.Decimals.plain(previous.value()));
        }
        return node;
    }
}
