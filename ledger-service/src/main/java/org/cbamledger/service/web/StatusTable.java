package org.cbamledger.service.web;

import java.util.List;
import java.util.Map;
import org.cbamledger.calculation.evidence.EvidenceRecord;

/** The evidence status table: a row per installation and period, a cell per evidence category. */
final class StatusTable {
    private StatusTable() {}

    static void render(Html h, Map<ReadinessSubject, List<EvidenceStatus>> rows, EvidenceLinks links) {
        h.open("table", "class", "status", "id", "evidence-status");
        h.open("thead").open("tr");
        h.element("th", "installation").element("th", "period").element("th", "CN code");
        for (EvidenceCategory category : EvidenceCategory.values()) {
            h.element("th", category.label());
        }
        h.close("tr").close("thead").open("tbody");
        rows.forEach((subject, statuses) -> {
            h.open("tr", "class", "status-row", "data-installation", subject.installationId(),
                    "data-period", subject.period().from() + "/" + subject.period().to());
            h.element("td", subject.installationId(), "class", "installation");
            h.element("td", subject.period().from() + " to " + subject.period().to(), "class", "period");
            h.element("td", subject.cnCode().orElse("-"), "class", "cn-code");
            for (EvidenceStatus status : statuses) {
                cell(h, status, links);
            }
            h.close("tr");
        });
        h.close("tbody").close("table");
    }

    private static void cell(Html h, EvidenceStatus status, EvidenceLinks links) {
        String state = status.state().name().toLowerCase().replace('_', '-');
        h.open("td", "class", "cell " + state, "data-category", status.category().name().toLowerCase().replace('_', '-'),
                "data-state", state);
        h.element("span", status.state().label(), "class", "state");
        if (!status.entries().isEmpty()) {
            EvidenceRecord first = status.entries().getFirst();
            h.text(" (" + status.entries().size() + ")").open("br");
            EntryLinks.entry(h, links, first.leafIndex(), "");
        }
        for (String statementId : status.statementIds()) {
            h.open("br").link(links.statement(statementId), statementId, "class", "statement");
        }
        h.close("td");
    }
}
