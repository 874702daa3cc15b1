package org.cbamledger.calculation.trace;

import java.math.BigDecimal;
import org.cbamledger.calculation.core.Decimals;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Where an input of a figure comes from: another figure, a field of an evidence record, a rule, a parameter or a constant. */
public sealed interface TraceInput
        permits TraceInput.FigureRef,
                TraceInput.EvidenceRef,
                TraceInput.EntriesRef,
                TraceInput.RuleRef,
                TraceInput.ParameterRef,
                TraceInput.ConstantRef {

    BigDecimal value();

    ObjectNode toJson();

    /** The value of an earlier figure of the same trace. */
    record FigureRef(String figureId, BigDecimal value) implements TraceInput {
        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("figure", figureId);
            node.put("value", Decimals.plain(value));
            return node;
        }
    }

    /** A field of a ledger entry, named by leaf index, leaf hash and JSON Pointer (RFC 6901) into the record. */
    record EvidenceRef(long leafIndex, String leafHashHex, String kind, String fieldPath, BigDecimal value)
            implements TraceInput {
        @Override
        public ObjectNode toJson() {
            ObjectNode evidence = JsonNodeFactory.instance.objectNode();
            evidence.put("leafIndex", leafIndex);
            evidence.put("leafHash", leafHashHex);
            evidence.put("kind", kind);
            evidence.put("path", fieldPath);
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.set("evidence", evidence);
            node.put("value", Decimals.plain(value));
            return node;
        }
    }

    /**
     * The exact sum of {@code fields} numeric fields of a set of ledger entries of one kind (a meter's readings of a
     * month in its daily batches), named as an {@link EntrySet}: a year of a plant's readings is one input per meter
     * and month, not one per reading or per batch.
     */
    record EntriesRef(EntrySet entries, long fields, BigDecimal value) implements TraceInput {
        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            ObjectNode set = entries.toJson();
            set.put("fields", fields);
            node.set("entries", set);
            node.put("value", Decimals.plain(value));
            return node;
        }
    }

    /** A value of the rule set, with the citation it carries. */
    record RuleRef(String ruleSetId, String key, BigDecimal value, String unit, String citation, String status)
            implements TraceInput {
        @Override
        public ObjectNode toJson() {
            ObjectNode rule = JsonNodeFactory.instance.objectNode();
            rule.put("ruleSet", ruleSetId);
            rule.put("key", key);
            rule.put("unit", unit);
            rule.put("citation", citation);
            rule.put("status", status);
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.set("rule", rule);
            node.put("value", Decimals.plain(value));
            return node;
        }
    }

    /** A parameter of the calculation request, recorded with the calculation. */
    record ParameterRef(String name, BigDecimal value) implements TraceInput {
        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("parameter", name);
            node.put("value", Decimals.plain(value));
            return node;
        }
    }

    /** A number fixed by the method itself (100 for a percentage, 1 for "one plus the mark-up"). */
    record ConstantRef(BigDecimal value, String why) implements TraceInput {
        @Override
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("constant", why);
            node.put("value", Decimals.plain(value));
            return node;
        }
    }
}
