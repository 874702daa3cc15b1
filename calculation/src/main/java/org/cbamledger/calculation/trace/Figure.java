package org.cbamledger.calculation.trace;

import java.math.BigDecimal;
import java.util.List;
import org.cbamledger.calculation.core.Decimals;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** One number of a calculation with its derivation: the exact value, its unit, the operation and its inputs. */
public record Figure(String id, String unit, Operation operation, List<TraceInput> inputs, BigDecimal value) {

    public Figure {
        inputs = List.copyOf(inputs);
    }

    public TraceInput.FigureRef ref() {
        return new TraceInput.FigureRef(id, value);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.put("unit", unit);
        node.put("value", Decimals.plain(value));
        node.put("operation", operation.wireName());
        ArrayNode array = node.putArray("inputs");
        inputs.forEach(input -> array.add(input.toJson()));
        return node;
    }
}
