package org.cbamledger.calculation.electricity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Trace;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The classified electricity of an installation and period: totals by class, months, hours, trace and findings. */
public record ElectricityLedgerResult(
        String installationId,
        ReportingPeriod period,
        ElectricityRules rules,
        Trace trace,
        Map<ElectricityClass, ClassTotal> classes,
        Figure totalEnergyMwh,
        Figure totalEmissionsTco2,
        List<LedgerHour> hours,
        Map<YearMonth, Map<ElectricityClass, BigDecimal>> months,
        Map<YearMonth, Resolution> matching,
        List<ElectricityFinding> findings) {
    public static final String FORMAT = "cbam-ledger-electricity-ledger/v1";
    public static final String TOTAL_MWH = "electricity.total.energyMwh";
    public static final String TOTAL_TCO2 = "electricity.total.emissionsTco2";

    public ElectricityLedgerResult {
        classes = Map.copyOf(classes);
        hours = List.copyOf(hours);
        months = Map.copyOf(months);
        matching = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(matching));
        findings = List.copyOf(findings);
    }

    /**
     * Which matching was used, for people: "hourly" when every month was matched hour by hour, else the months of
     * each kind ("monthly in 2026-03, 2026-04; hourly in the other 10 months").
     */
    public String matchingSummary() {
        List<String> monthly = matching.entrySet().stream().filter(e -> e.getValue() == Resolution.MONTHLY)
                .map(e -> e.getKey().toString()).toList();
        if (monthly.isEmpty()) {
            return "hourly (every month)";
        }
        if (monthly.size() == matching.size()) {
            return "monthly (every month)";
        }
        return "monthly in " + String.join(", ", monthly) + "; hourly in the other " + (matching.size() - monthly.size()) + " month(s)";
    }

    public BigDecimal energyMwh(ElectricityClass cls) {
        return classes.get(cls).energyMwh().value();
    }

    public BigDecimal emissionsTco2(ElectricityClass cls) {
        return classes.get(cls).emissionsTco2().value();
    }

    /** The summary JSON (classes, months, findings); {@code withTrace} adds every figure with its inputs. */
    public ObjectNode toJson(boolean withTrace) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        root.put("method", ElectricityLedger.METHOD_VERSION);
        root.put("installationId", installationId);
        root.put("periodFrom", period.from().toString());
        root.put("periodTo", period.to().toString());
        root.put("gridFactorId", rules.gridFactorId());
        root.put("unbackedPpaClass", rules.unbackedPpaClass().wireName());
        root.put("matching", matchingSummary());
        ArrayNode classArray = root.putArray("classes");
        for (ElectricityClass cls : ElectricityClass.values()) {
            ClassTotal total = classes.get(cls);
            ObjectNode node = classArray.addObject();
            node.put("class", cls.wireName());
            node.put("energyMwh", Decimals.plain(total.energyMwh().value()));
            node.put("emissionsTco2", Decimals.plain(total.emissionsTco2().value()));
            ArrayNode res = node.putArray("resolutions");
            total.resolutions().stream().sorted().forEach(r -> res.add(r.wireName()));
            ArrayNode factors = node.putArray("emissionFactors");
            total.emissionFactors().forEach(input -> factors.add(input.toJson()));
            ArrayNode evidence = node.putArray("evidence");
            total.evidence().stream().sorted(java.util.Comparator.comparingLong(e -> e.leafIndex())).forEach(e -> {
                ObjectNode ev = evidence.addObject();
                ev.put("leafIndex", e.leafIndex());
                ev.put("leafHash", e.leafHashHex());
                ev.put("kind", e.kind());
            });
        }
        root.put("totalEnergyMwh", Decimals.plain(totalEnergyMwh.value()));
        root.put("totalEmissionsTco2", Decimals.plain(totalEmissionsTco2.value()));
        ArrayNode monthArray = root.putArray("months");
        new java.util.TreeMap<>(months).forEach((month, values) -> {
            ObjectNode node = monthArray.addObject();
            node.put("month", month.toString());
            values.forEach((cls, mwh) -> node.put(cls.wireName(), Decimals.plain(mwh)));
        });
        ArrayNode findingArray = root.putArray("findings");
        for (ElectricityFinding finding : findings) {
            ObjectNode node = findingArray.addObject();
            node.put("type", finding.type().wireName());
            node.put("subject", finding.subject());
            node.put("period", finding.period());
            node.put("affectedMwh", Decimals.plain(finding.affectedMwh()));
            node.put("detail", finding.detail());
        }
        if (withTrace) {
            ArrayNode figures = root.putArray("figures");
            trace.figures().values().forEach(figure -> figures.add(figure.toJson()));
        }
        return root;
    }
}
