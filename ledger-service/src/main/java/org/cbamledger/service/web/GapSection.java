package org.cbamledger.service.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.gaps.Gap;
import org.cbamledger.calculation.gaps.GapCategory;
import org.cbamledger.calculation.gaps.GapReport;
import org.cbamledger.spec.Kinds;

/**
 * The calculation module's gap report for a row, one line per gap by section, with what it affects and what
 * falling back to default values would cost; a gap about a meter links the entries that define that meter.
 */
final class GapSection {
    private GapSection() {}

    static void render(Html h, GapReport report, EvidenceIndex index, EvidenceLinks links) {
        report.actualChargedTco2PerTonne().ifPresent(v -> h.element("p", "Actual charged SEE: " + round(v, 6) + " tCO2/t",
                "class", "see-actual"));
        report.defaultTco2PerTonne().ifPresent(v -> h.element("p", "Default value with mark-up: " + round(v, 6) + " tCO2/t",
                "class", "see-default"));
        if (report.gaps().isEmpty()) {
            h.element("p", "No gaps.", "class", "no-gaps");
        }
        h.open("ul", "class", "gap-report", "data-gaps", Integer.toString(report.gaps().size()));
        for (GapCategory category : GapCategory.values()) {
            for (Gap gap : report.gaps().stream().filter(g -> g.category() == category).toList()) {
                line(h, gap, index, links);
            }
        }
        h.close("ul");
        if (!report.notes().isEmpty()) {
            h.open("ul", "class", "gap-notes");
            report.notes().forEach(note -> h.element("li", note));
            h.close("ul");
        }
    }

    private static void line(Html h, Gap gap, EvidenceIndex index, EvidenceLinks links) {
        h.open("li", "class", "gap " + gap.category().wireName(), "data-category", gap.category().wireName(),
                "data-type", gap.type());
        h.element("span", gap.category().wireName(), "class", "gap-category");
        h.element("span", "[" + gap.type() + "]", "class", "gap-type");
        h.element("span", gap.subject() + ", " + gap.period() + ": ", "class", "gap-subject");
        h.element("span", gap.detail(), "class", "gap-detail");
        StringBuilder effect = new StringBuilder();
        if (gap.affectedMwh().signum() > 0) {
            effect.append("affects ").append(round(gap.affectedMwh(), 3)).append(" MWh (")
                    .append(round(gap.indirectTco2AtGridFactor(), 3)).append(" tCO2 at the grid factor); ");
        }
        effect.append("EU tonnes at risk ").append(round(gap.affectedTonnesEu(), 3));
        gap.fallbackCostEur().ifPresentOrElse(v -> effect.append("; falling back to default values would cost EUR ").append(round(v, 2)),
                () -> effect.append("; fallback cost not computed"));
        h.element("span", effect.toString(), "class", "gap-effect");
        List<Long> meterEntries = index.ofKind(Kinds.METER_ROLE).stream().filter(r -> EvidenceIndex.text(r.record(), "/meterId")
                .equals(gap.subject())).map(EvidenceRecord::leafIndex).toList();
        if (!meterEntries.isEmpty()) {
            h.text(" ");
            EntryLinks.entries(h, links, meterEntries, i -> Kinds.METER_ROLE);
        }
        h.close("li");
    }

    private static String round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
