package org.cbamledger.calculation.electricity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cbamledger.calculation.trace.Figure;

/** The classified MWh of each hour (hourly matching only) and the figures they come from. */
final class HourTally {
    private final Map<Instant, EnumMap<ElectricityClass, BigDecimal>> values = new TreeMap<>();
    private final Map<Instant, EnumMap<ElectricityClass, String>> figures = new TreeMap<>();

    void add(Instant hour, ElectricityClass cls, Figure figure) {
        values.computeIfAbsent(hour, h -> new EnumMap<>(ElectricityClass.class)).merge(cls, figure.value(), BigDecimal::add);
        figures.computeIfAbsent(hour, h -> new EnumMap<>(ElectricityClass.class)).put(cls, figure.id());
    }

    List<LedgerHour> hours() {
        List<LedgerHour> hours = new ArrayList<>();
        values.forEach((hour, byClass) -> hours.add(new LedgerHour(hour, byClass, figures.get(hour))));
        return hours;
    }
}
