package org.cbamledger.bench.year;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** What one run of {@code ./cbam bench year} measured; seconds are wall-clock, on this machine, in this run. */
final class YearFigures {
    final Map<String, Object> values = new LinkedHashMap<>();

    YearFigures put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    ObjectNode json() {
        ObjectNode out = YearClient.JSON.createObjectNode();
        values.forEach((name, value) -> {
            switch (value) {
                case Double d -> out.put(name, Math.round(d * 1000) / 1000.0);
                case Long l -> out.put(name, l);
                case Integer i -> out.put(name, i);
                case Boolean b -> out.put(name, b);
                default -> out.put(name, value.toString());
            }
        });
        return out;
    }

    void print(PrintStream out) {
        out.println();
        values.forEach((name, value) -> out.printf("  %-22s %s%n", name,
                value instanceof Double d ? String.format("%,.3f", d) : value instanceof Long l ? String.format("%,d", l) : value));
    }
}
