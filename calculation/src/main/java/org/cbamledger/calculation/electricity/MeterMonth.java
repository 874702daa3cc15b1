package org.cbamledger.calculation.electricity;

import java.time.YearMonth;
import java.util.Comparator;

/** One meter in one month (a generator meter of a PPA or a meter of the installation). */
record MeterMonth(String meterId, YearMonth month) implements Comparable<MeterMonth> {
    private static final Comparator<MeterMonth> ORDER = Comparator.comparing(MeterMonth::meterId)
            .thenComparing(MeterMonth::month);

    @Override
    public int compareTo(MeterMonth other) {
        return ORDER.compare(this, other);
    }
}
