package org.cbamledger.calculation.statement;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cbamledger.calculation.core.Decimals;
import tools.jackson.databind.JsonNode;

/**
 * A stacked bar chart of the electricity used each month by class (grid, PPA, on-site, ...), drawn with PDF
 * vector paths. The months come from the trace: each {@code electricity.<class>.<key>.energyMwh} figure sums one
 * {@code elec.<yyyy-mm>.…} figure per month.
 */
final class MonthlyElectricityChart {
    private static final Pattern CLASS_KEY_ENERGY = Pattern.compile("electricity\\.([a-z-]+)\\.[^.]+\\.energyMwh");
    private static final Pattern MONTH_FIGURE = Pattern.compile("elec\\.(\\d{4}-\\d{2})\\..*");
    private static final Color[] PALETTE = {
        new Color(0x4C, 0x72, 0xB0), new Color(0x55, 0xA8, 0x68), new Color(0xC4, 0x4E, 0x52), new Color(0x81, 0x72, 0xB2),
        new Color(0xCC, 0xB9, 0x74), new Color(0x64, 0xB5, 0xCD), new Color(0x8C, 0x8C, 0x8C)
    };
    private static final float HEIGHT_POINTS = 220;
    private static final float PLOT_HEIGHT_POINTS = 150;

    private MonthlyElectricityChart() {}

    /** MWh by month, then by class, from the statement's trace; empty when the statement has no electricity ledger. */
    static Map<String, Map<String, BigDecimal>> monthlyMwh(JsonNode statement) {
        Map<String, Map<String, BigDecimal>> months = new TreeMap<>();
        for (JsonNode figure : statement.at("/evidence/figures")) {
            Matcher energy = CLASS_KEY_ENERGY.matcher(figure.path("id").asString(""));
            if (!energy.matches()) {
                continue;
            }
            for (JsonNode input : figure.path("inputs")) {
                Matcher month = MONTH_FIGURE.matcher(input.path("figure").asString(""));
                if (month.matches()) {
                    months.computeIfAbsent(month.group(1), m -> new TreeMap<>())
                            .merge(energy.group(1), Decimals.fromJson(input.path("value")), BigDecimal::add);
                }
            }
        }
        return months;
    }

    static void draw(PdfTextLayout pdf, Map<String, Map<String, BigDecimal>> months) throws IOException {
        List<String> classes = new ArrayList<>(new TreeSet<>(months.values().stream().flatMap(m -> m.keySet().stream()).toList()));
        BigDecimal largest = months.values().stream()
                .map(m -> m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
        float scale = largest.signum() > 0 ? PLOT_HEIGHT_POINTS / largest.floatValue() : 0;
        PdfTextLayout.Area area = pdf.area(HEIGHT_POINTS);
        float axisY = area.top() - PLOT_HEIGHT_POINTS - 14;
        float slot = area.width() / Math.max(months.size(), 1);
        int index = 0;
        for (Map.Entry<String, Map<String, BigDecimal>> month : months.entrySet()) {
            float x = area.left() + index++ * slot;
            float y = axisY;
            for (String cls : classes) {
                float height = month.getValue().getOrDefault(cls, BigDecimal.ZERO).floatValue() * scale;
                area.stream().setNonStrokingColor(PALETTE[classes.indexOf(cls) % PALETTE.length]);
                area.stream().addRect(x + slot * 0.15f, y, slot * 0.7f, height);
                area.stream().fill();
                y += height;
            }
            label(area, month.getKey().substring(2), x + slot * 0.15f, axisY - 10, 6);
        }
        area.stream().setStrokingColor(0f);
        area.stream().moveTo(area.left(), axisY);
        area.stream().lineTo(area.left() + area.width(), axisY);
        area.stream().stroke();
        float legendX = area.left();
        for (String cls : classes) {
            area.stream().setNonStrokingColor(PALETTE[classes.indexOf(cls) % PALETTE.length]);
            area.stream().addRect(legendX, axisY - 30, 8, 8);
            area.stream().fill();
            label(area, cls, legendX + 11, axisY - 29, 7);
            legendX += 100;
        }
        label(area, "tallest bar: " + Decimals.plain(largest) + " MWh", legendX, axisY - 29, 7);
    }

    private static void label(PdfTextLayout.Area area, String text, float x, float y, float size) throws IOException {
        area.stream().setNonStrokingColor(0f);
        area.stream().beginText();
        area.stream().setFont(area.font(), size);
        area.stream().newLineAtOffset(x, y);
        area.stream().showText(text);
        area.stream().endText();
    }
}
