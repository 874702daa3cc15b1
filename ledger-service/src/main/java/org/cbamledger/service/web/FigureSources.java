package org.cbamledger.service.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.TraceInput;

/** The ledger entries a figure rests on: every evidence input reached through its trace, by leaf index. */
final class FigureSources {
    private final Map<String, Figure> figures = new HashMap<>();

    FigureSources(Iterable<Figure> traced) {
        traced.forEach(f -> figures.putIfAbsent(f.id(), f));
    }

    /** Leaf index to record kind, in index order. */
    TreeMap<Long, String> of(String figureId) {
        TreeMap<Long, String> entries = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.push(figureId);
        while (!pending.isEmpty()) {
            Figure figure = figures.get(pending.pop());
            if (figure == null || !seen.add(figure.id())) {
                continue;
            }
            for (TraceInput input : figure.inputs()) {
                if (input instanceof TraceInput.EvidenceRef ref) {
                    entries.putIfAbsent(ref.leafIndex(), ref.kind());
                } else if (input instanceof TraceInput.EntriesRef ref) {
                    ref.entries().entries().forEach(e -> entries.putIfAbsent(e.leafIndex(), e.kind()));
                } else if (input instanceof TraceInput.FigureRef ref && !seen.contains(ref.figureId())) {
                    pending.push(ref.figureId());
                }
            }
        }
        return entries;
    }
}
