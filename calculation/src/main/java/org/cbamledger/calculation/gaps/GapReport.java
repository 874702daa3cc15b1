package org.cbamledger.calculation.gaps;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.ReportingPeriod;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The gaps of an installation's evidence for a period, with the basis their fallback costs were priced on. */
public record GapReport(String installationId, ReportingPeriod period, String cnCode, String ruleSetId,
        Optional<BigDecimal> actualChargedTco2PerTonne, Optional<BigDecimal> defaultTco2PerTonne, List<Gap> gaps, List<String> notes) {
    public static final String FORMAT = "cbam-ledger-gap-report/v1";

    public GapReport {
        gaps = List.copyOf(gaps);
        notes = List.copyOf(notes);
    }

    public List<Gap> ofType(String type) {
        return gaps.stream().filter(g -> g.type().equals(type)).toList();
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("installationId", installationId);
        root.put("periodFrom", period.from().toString());
        root.put("periodTo", period.to().toString());
        root.put("cnCode", cnCode);
        root.put("ruleSet", ruleSetId);
        actualChargedTco2PerTonne.ifPresent(v -> root.put("actualChargedTco2PerTonne", Decimals.plain(v)));
        defaultTco2PerTonne.ifPresent(v -> root.put("defaultWithMarkupTco2PerTonne", Decimals.plain(v)));
        ArrayNode array = root.putArray("gaps");
        for (Gap gap : gaps) {
            ObjectNode node = array.addObject();
            node.put("category", gap.category().wireName());
            node.put("type", gap.type());
            node.put("subject", gap.subject());
            node.put("period", gap.period());
            node.put("detail", gap.detail());
            node.put("affectedMwh", Decimals.plain(gap.affectedMwh()));
            node.put("indirectTco2AtGridFactor", Decimals.plain(gap.indirectTco2AtGridFactor()));
            node.put("affectedTonnesEu", Decimals.plain(gap.affectedTonnesEu()));
            gap.fallbackCostEur().ifPresentOrElse(v -> node.put("fallbackCostEur", Decimals.plain(v)), () -> node.putNull("fallbackCostEur"));
            ArrayNode figures = node.putArray("figures");
            gap.figures().forEach(f -> figures.add(f.toJson()));
        }
        ArrayNode noteArray = root.putArray("notes");
        notes.forEach(noteArray::add);
        return root;
    }

    /** A rendering for people: one block per gap; money to the cent and tonnes to 3 decimals, half up (presentation only). */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Gap report for ").append(installationId).append(", ").append(period.from()).append(" to ").append(period.to())
                .append(", CN ").append(cnCode).append(", rule set ").append(ruleSetId).append('\n');
        actualChargedTco2PerTonne.ifPresent(v -> out.append("Actual charged SEE: ").append(round(v, 6)).append(" tCO2/t\n"));
        defaultTco2PerTonne.ifPresent(v -> out.append("Default value with mark-up: ").append(round(v, 6)).append(" tCO2/t\n"));
        if (gaps.isEmpty()) {
            out.append("\nNo gaps.\n");
        }
        for (GapCategory category : GapCategory.values()) {
            List<Gap> section = gaps.stream().filter(g -> g.category() == category).toList();
            if (section.isEmpty()) {
                continue;
            }
            out.append('\n').append(category.wireName()).append(" (").append(section.size()).append(")\n");
            for (Gap gap : section) {
                out.append("  - [").append(gap.type()).append("] ").append(gap.subject()).append(", ").append(gap.period()).append(": ")
                        .append(gap.detail()).append('\n');
                if (gap.affectedMwh().signum() > 0) {
                    out.append("    affects ").append(round(gap.affectedMwh(), 3)).append(" MWh (")
                            .append(round(gap.indirectTco2AtGridFactor(), 3)).append(" tCO2 at the grid factor)\n");
                }
                out.append("    EU tonnes at risk: ").append(round(gap.affectedTonnesEu(), 3));
                gap.fallbackCostEur().ifPresentOrElse(
                        v -> out.append("; falling back to default values would cost EUR ").append(round(v, 2)).append('\n'),
                        () -> out.append("; fallback cost not computed (see notes)\n"));
            }
        }
        if (!notes.isEmpty()) {
            out.append("\nNotes\n");
            notes.forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String round(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
