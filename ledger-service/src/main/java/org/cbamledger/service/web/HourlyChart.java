package org.cbamledger.service.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.UsedEvidence;
import org.cbamledger.calculation.electricity.ClassTotal;
import org.cbamledger.calculation.electricity.ElectricityClass;
import org.cbamledger.calculation.electricity.ElectricityLedgerResult;
import org.cbamledger.calculation.electricity.GenerationSeries;
import org.cbamledger.calculation.electricity.Hours;
import org.cbamledger.calculation.electricity.LedgerHour;
import org.cbamledger.calculation.trace.TraceInput;

/**
 * One month of the electricity ledger as an inline SVG: per hour (UTC) the metered consumption (all classes), the
 * part classed PPA-backed renewable, and what the PPA assets' generator meters measured, with a month selector; below it the class totals of the whole period,
 * each with the entries behind it. Coordinates are rounded for drawing only; the figures shown are exact.
 */
final class HourlyChart {
    static final int WIDTH = 960;
    static final int HEIGHT = 260;
    private static final int LEFT = 88;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 32;

    private HourlyChart() {}

    /** The month shown: the one asked for if the period has it, else the first month with hourly figures. */
    static YearMonth monthShown(ElectricityLedgerResult ledger, Optional<YearMonth> asked) {
        List<YearMonth> months = Hours.months(ledger.period());
        if (asked.isPresent() && months.contains(asked.get())) {
            return asked.get();
        }
        return ledger.hours().stream().map(hour -> Hours.monthOf(hour.hour())).findFirst().orElse(months.getFirst());
    }

    static void render(Html h, ElectricityLedgerResult ledger, List<GenerationSeries> generation, Optional<YearMonth> asked,
            EvidenceLinks links) {
        YearMonth month = monthShown(ledger, asked);
        h.open("nav", "class", "months", "aria-label", "month");
        for (YearMonth m : Hours.months(ledger.period())) {
            h.link(links.view(m), m.toString(), "class", m.equals(month) ? "month current" : "month", "data-month", m.toString());
        }
        h.close("nav");
        List<LedgerHour> hours = ledger.hours().stream().filter(hour -> Hours.monthOf(hour.hour()).equals(month)).toList();
        if (hours.isEmpty()) {
            Map<ElectricityClass, BigDecimal> monthly = ledger.months().getOrDefault(month, Map.of());
            h.element("p", month + " was matched monthly (no hourly data for it): consumption "
                    + mwh(sum(monthly)) + " MWh, PPA-backed " + mwh(monthly.getOrDefault(ElectricityClass.PPA_RENEWABLE, BigDecimal.ZERO))
                    + " MWh.", "class", "chart-monthly", "data-month", month.toString());
        } else {
            h.raw(svg(hours, generation, month));
        }
        classTotals(h, ledger, links);
    }

    private static String svg(List<LedgerHour> hours, List<GenerationSeries> generation, YearMonth month) {
        List<BigDecimal> consumption = new ArrayList<>();
        List<BigDecimal> ppa = new ArrayList<>();
        List<BigDecimal> generated = new ArrayList<>();
        BigDecimal max = BigDecimal.ZERO;
        for (LedgerHour hour : hours) {
            BigDecimal total = sum(hour.energyMwh());
            BigDecimal assets = BigDecimal.ZERO;
            for (GenerationSeries series : generation) {
                TraceInput.EvidenceRef metered = series.hour(hour.hour());
                assets = metered == null ? assets : assets.add(metered.value());
            }
            consumption.add(total);
            ppa.add(hour.energyMwh().getOrDefault(ElectricityClass.PPA_RENEWABLE, BigDecimal.ZERO));
            generated.add(assets);
            max = max.max(total).max(assets);
        }
        double top = max.signum() == 0 ? 1 : max.doubleValue();
        BigDecimal consumptionMwh = consumption.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal ppaMwh = ppa.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal generatedMwh = generated.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Html s = new Html();
        s.open("svg", "xmlns", "http://www.w3.org/2000/svg", "class", "hourly-chart", "role", "img",
                "width", Integer.toString(WIDTH), "height", Integer.toString(HEIGHT),
                "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "data-month", month.toString(),
                "data-hours", Integer.toString(hours.size()), "data-consumption-mwh", Decimals.plain(consumptionMwh),
                "data-ppa-mwh", Decimals.plain(ppaMwh), "data-generation-mwh", Decimals.plain(generatedMwh));
        s.element("title", "Hourly consumption against PPA delivery, " + month + " (UTC): " + mwh(consumptionMwh)
                + " MWh consumed, " + mwh(ppaMwh) + " MWh PPA-backed, " + mwh(generatedMwh) + " MWh metered at the PPA assets");
        int plotBottom = HEIGHT - BOTTOM;
        s.open("line", "class", "axis", "x1", Integer.toString(LEFT), "y1", Integer.toString(plotBottom),
                "x2", Integer.toString(WIDTH - RIGHT), "y2", Integer.toString(plotBottom)).close("line");
        s.open("line", "class", "axis", "x1", Integer.toString(LEFT), "y1", Integer.toString(TOP),
                "x2", Integer.toString(LEFT), "y2", Integer.toString(plotBottom)).close("line");
        s.element("text", mwh(max) + " MWh", "class", "y-label", "x", Integer.toString(LEFT - 4), "y", Integer.toString(TOP + 4),
                "text-anchor", "end");
        s.element("text", "0", "class", "y-label", "x", Integer.toString(LEFT - 4), "y", Integer.toString(plotBottom),
                "text-anchor", "end");
        for (int i = 0; i < hours.size(); i += 24 * 7) {
            Instant hour = hours.get(i).hour();
            s.element("text", Hours.name(hour).substring(5, 10), "class", "x-label", "x", coordinate(x(i, hours.size())),
                    "y", Integer.toString(HEIGHT - 10), "text-anchor", "middle");
        }
        s.open("polygon", "class", "series ppa", "data-series", "ppa",
                "points", area(ppa, top)).close("polygon");
        if (!generation.isEmpty()) {
            s.open("polyline", "class", "series generation", "data-series", "generation",
                    "points", points(generated, top)).close("polyline");
        }
        s.open("polyline", "class", "series consumption", "data-series", "consumption",
                "points", points(consumption, top)).close("polyline");
        s.open("g", "class", "legend");
        s.open("rect", "class", "legend-ppa", "x", Integer.toString(LEFT + 8), "y", Integer.toString(TOP), "width", "12",
                "height", "12").close("rect");
        s.element("text", "PPA-backed renewable (MWh/h)", "x", Integer.toString(LEFT + 24), "y", Integer.toString(TOP + 10));
        s.open("rect", "class", "legend-consumption", "x", Integer.toString(LEFT + 250), "y", Integer.toString(TOP), "width", "12",
                "height", "12").close("rect");
        s.element("text", "consumption (MWh/h)", "x", Integer.toString(LEFT + 266), "y", Integer.toString(TOP + 10));
        if (!generation.isEmpty()) {
            s.open("rect", "class", "legend-generation", "x", Integer.toString(LEFT + 420), "y", Integer.toString(TOP + 5),
                    "width", "12", "height", "2").close("rect");
            s.element("text", "PPA asset metered generation (MWh/h)", "x", Integer.toString(LEFT + 436),
                    "y", Integer.toString(TOP + 10));
        }
        s.close("g");
        s.close("svg");
        return s.toString();
    }

    private static void classTotals(Html h, ElectricityLedgerResult ledger, EvidenceLinks links) {
        h.open("table", "class", "class-totals");
        h.open("thead").open("tr").element("th", "class").element("th", "MWh").element("th", "t CO2")
                .element("th", "matched").element("th", "evidence").close("tr").close("thead").open("tbody");
        for (ElectricityClass cls : ElectricityClass.values()) {
            ClassTotal total = ledger.classes().get(cls);
            if (total == null || total.energyMwh().value().signum() == 0 && total.evidence().isEmpty()) {
                continue;
            }
            h.open("tr", "class", "class-total", "data-class", cls.wireName(), "data-figure", total.energyMwh().id());
            h.element("td", cls.wireName());
            h.element("td", Decimals.plain(total.energyMwh().value()), "class", "number");
            h.element("td", Decimals.plain(total.emissionsTco2().value()), "class", "number");
            h.element("td", String.join(", ", total.resolutions().stream().map(r -> r.wireName()).sorted().toList()));
            h.open("td");
            List<UsedEvidence> evidence = total.evidence().stream()
                    .sorted(java.util.Comparator.comparingLong(UsedEvidence::leafIndex)).toList();
            EntryLinks.entries(h, links, evidence.stream().map(UsedEvidence::leafIndex).toList(),
                    i -> evidence.stream().filter(e -> e.leafIndex() == i).findFirst().map(UsedEvidence::kind).orElse(""));
            h.close("td").close("tr");
        }
        h.open("tr", "class", "class-total total", "data-class", "total", "data-figure", ledger.totalEnergyMwh().id());
        h.element("td", "total");
        h.element("td", Decimals.plain(ledger.totalEnergyMwh().value()), "class", "number");
        h.element("td", Decimals.plain(ledger.totalEmissionsTco2().value()), "class", "number");
        h.element("td", "").element("td", "");
        h.close("tr").close("tbody").close("table");
    }

    private static String points(List<BigDecimal> values, double top) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : " ").append(coordinate(x(i, values.size()))).append(',').append(coordinate(y(values.get(i), top)));
        }
        return b.toString();
    }

    private static String area(List<BigDecimal> values, double top) {
        String base = coordinate(HEIGHT - BOTTOM);
        return coordinate(x(0, values.size())) + "," + base + " " + points(values, top) + " "
                + coordinate(x(values.size() - 1, values.size())) + "," + base;
    }

    private static double x(int i, int n) {
        return LEFT + (n <= 1 ? 0 : (double) i * (WIDTH - LEFT - RIGHT) / (n - 1));
    }

    private static double y(BigDecimal value, double top) {
        return HEIGHT - BOTTOM - value.doubleValue() / top * (HEIGHT - BOTTOM - TOP - 16);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static BigDecimal sum(Map<ElectricityClass, BigDecimal> values) {
        return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String mwh(BigDecimal value) {
        return value.setScale(3, RoundingMode.HALF_UP).toPlainString();
    }
}
