package org.cbamledger.service.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cbamledger.service.store.StoredCheckpoint;

/**
 * The verifier-facing readiness view (seed 004) of a set of ledger entries: evidence status per installation and
 * period, the meter hierarchy, the hourly chart of consumption against PPA delivery, the gap report, and for each
 * figure links to its entries and their inclusion proofs. Everything is recomputed from the entries, by the
 * calculation module, once per {@link ReadinessView}; the page is plain HTML with inline SVG and no scripts.
 */
public final class ReadinessPage {
    private ReadinessPage() {}

    /** The page of a view computed from the entries and statements in the scope {@code input} describes. */
    public static String render(ReadinessInput input, ReadinessView view) {
        return page(input, body(view, input.links(), input.month()));
    }

    /** The page around a body rendered by {@link #body}: the header says whose log, what scope, which checkpoint. */
    static String page(ReadinessInput input, String body) {
        Html h = new Html();
        String title = "Evidence readiness: " + input.log().operatorName() + " (" + input.log().logId() + ")";
        h.open("header");
        h.open("form", "method", "post", "action", "/ui/logout").element("button", "Log out", "type", "submit").close("form");
        h.element("h1", title);
        input.scope().ifPresent(scope -> h.element("p", scope, "class", "scope"));
        h.element("p", input.checkpoint().map(ReadinessPage::describe)
                .orElse("No checkpoint yet: nothing to show until the log signs one."), "class", "checkpoint");
        h.close("header");
        return PageLayout.document(title, h + body);
    }

    /** What the view shows below the header: a function of the view, where its links point and the month asked for. */
    static String body(ReadinessView view, EvidenceLinks links, Optional<YearMonth> month) {
        EvidenceIndex index = view.index();
        List<ReadinessSubject> subjects = List.copyOf(view.statuses().keySet());
        Map<ReadinessSubject, List<EvidenceStatus>> statuses = view.statuses();
        Html h = new Html();
        if (!index.unreadable().isEmpty()) {
            h.open("ul", "class", "problems");
            index.unreadable().forEach(p -> h.element("li", p));
            h.close("ul");
        }

        h.open("section", "id", "status").element("h2", "Evidence status per installation and period");
        if (subjects.isEmpty()) {
            h.element("p", "No installation has evidence in these entries yet.", "class", "empty");
        } else {
            StatusTable.render(h, statuses, links);
        }
        h.close("section");

        for (String installationId : installations(subjects)) {
            h.open("section", "class", "installation", "data-installation", installationId);
            String name = index.installations().containsKey(installationId)
                    ? EvidenceIndex.text(index.installations().get(installationId), "/name") : "";
            h.element("h2", "Installation " + installationId + (name.isEmpty() ? "" : ": " + name));
            h.element("h3", "Meter hierarchy");
            MeterTree.render(h, index, installationId, links);
            for (ReadinessSubject subject : subjects) {
                SubjectAssessment assessment = view.assessments().get(subject);
                if (subject.installationId().equals(installationId) && assessment != null) {
                    subject(h, assessment, index, links, month);
                }
            }
            h.close("section");
        }
        return h.toString();
    }

    private static void subject(Html h, SubjectAssessment a, EvidenceIndex index, EvidenceLinks links,
            Optional<YearMonth> month) {
        ReadinessSubject s = a.subject();
        h.open("section", "class", "subject", "data-subject", s.key());
        h.element("h3", "Period " + s.period().from() + " to " + s.period().to() + s.cnCode().map(c -> ", CN " + c).orElse(""));
        if (!a.problems().isEmpty()) {
            h.open("ul", "class", "problems");
            a.problems().forEach(p -> h.element("li", p));
            h.close("ul");
        }
        a.calculation().ifPresent(result -> {
            h.element("h4", "Figures and their evidence");
            FigureTable.render(h, s, result, links);
        });
        a.ledger().ifPresent(ledger -> {
            h.element("h4", "Hourly consumption against PPA delivery");
            HourlyChart.render(h, ledger, a.generation(), month, links);
        });
        a.gaps().ifPresent(report -> {
            h.element("h4", "Gap report");
            GapSection.render(h, report, index, links);
        });
        h.close("section");
    }

    private static List<String> installations(List<ReadinessSubject> subjects) {
        List<String> ids = new ArrayList<>();
        subjects.forEach(s -> {
            if (!ids.contains(s.installationId())) {
                ids.add(s.installationId());
            }
        });
        return ids;
    }

    private static String describe(StoredCheckpoint checkpoint) {
        return "As of the log's checkpoint of tree size " + checkpoint.treeSize() + ", root hash "
                + HexFormat.of().formatHex(checkpoint.rootHash()) + "; every proof link proves against it.";
    }
}
