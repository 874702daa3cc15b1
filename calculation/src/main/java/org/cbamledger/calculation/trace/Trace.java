package org.cbamledger.calculation.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one calculation in the order they were derived; each id occurs once. */
public final class Trace {
    private final Map<String, Figure> figures = new LinkedHashMap<>();

    public Figure derive(String id, String unit, Operation operation, List<? extends TraceInput> inputs) {
        if (figures.containsKey(id)) {
            throw new DuplicateFigureException(id);
        }
        List<TraceInput> copy = new ArrayList<>(inputs);
        java.math.BigDecimal value;
        try {
            value = operation.evaluate(copy.stream().map(TraceInput::value).toList());
        } catch (ArithmeticException e) {
            throw new ArithmeticException("figure " + id + ": " + e.getMessage());
        }
        Figure figure = new Figure(id, unit, operation, copy, value);
        figures.put(id, figure);
        return figure;
    }

    public Figure derive(String id, String unit, Operation operation, TraceInput... inputs) {
        return derive(id, unit, operation, List.of(inputs));
    }

    /** Two records gave the same figure id: the ids of records of one kind must be unique. */
    public static final class DuplicateFigureException extends RuntimeException {
        public DuplicateFigureException(String figureId) {
            super("figure " + figureId + " is derived twice: two records of one kind share an id");
        }
    }

    public Figure figure(String id) {
        Figure figure = figures.get(id);
        if (figure == null) {
            throw new IllegalArgumentException("no figure " + id);
        }
        return figure;
    }

    public boolean has(String id) {
        return figures.containsKey(id);
    }

    public Map<String, Figure> figures() {
        return Collections.unmodifiableMap(figures);
    }
}
