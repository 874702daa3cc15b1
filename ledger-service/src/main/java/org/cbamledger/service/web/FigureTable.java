package org.cbamledger.service.web;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.method.MeteredElectricity;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.calculation.statement.PresentationPolicy;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.spec.Kinds;

/**
 * The headline figures of a row, recomputed from the entries: each with the calculation entries that record it
 * (and their proofs), the statements that state it, and the entries it derives from (and their proofs).
 */
final class FigureTable {
    private FigureTable() {}

    static void render(Html h, ReadinessSubject subject, CalculationResult result, EvidenceLinks links) {
        List<Figure> traced = new ArrayList<>(result.figures());
        result.meteredElectricity().map(MeteredElectricity::ledger)
                .ifPresent(ledger -> traced.addAll(ledger.trace().figures().values()));
        FigureSources sources = new FigureSources(traced);
        String ruleSet = result.request().ruleSetId();
        List<EvidenceRecord> recording = subject.calculations().stream()
                .filter(c -> EvidenceIndex.text(c.record(), "/ruleSet/id").equals(ruleSet)).toList();
        h.element("p", "Recomputed from the entries with rule set " + ruleSet + ".", "class", "figures-basis");
        h.open("table", "class", "figures");
        h.open("thead").open("tr").element("th", "figure").element("th", "value").element("th", "unit")
                .element("th", "recorded in").element("th", "derived from").close("tr").close("thead").open("tbody");
        for (String id : CalculationRecords.OUTPUTS) {
            if (!result.hasFigure(id)) {
                continue;
            }
            Figure figure = result.figure(id);
            h.open("tr", "class", "figure", "data-figure", id);
            h.element("td", id, "class", "figure-id");
            h.element("td", PresentationPolicy.present(figure.value(), figure.unit()).toPlainString(), "class", "number",
                    "title", figure.value().toPlainString());
            h.element("td", figure.unit());
            h.open("td", "class", "recorded-in");
            for (EvidenceRecord calculation : recording) {
                if (calculation.record().path("outputs").has(id)) {
                    EntryLinks.entry(h, links, calculation.leafIndex(), Kinds.CALCULATION);
                    h.text(" ");
                }
            }
            for (String statementId : subject.statementIds()) {
                h.link(links.statement(statementId), "statement " + statementId, "class", "statement");
                h.text(" ");
            }
            h.close("td");
            h.open("td", "class", "derived-from");
            TreeMap<Long, String> entries = sources.of(id);
            if (entries.isEmpty()) {
                h.element("span", "rule set and parameters only", "class", "rules-only");
            }
            EntryLinks.entries(h, links, entries.keySet(), i -> entries.getOrDefault(i, ""));
            h.close("td");
            h.close("tr");
        }
        h.close("tbody").close("table");
    }
}
