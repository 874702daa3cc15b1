package org.cbamledger.calculation.core;

import java.time.LocalDate;

/** Inclusive date range within one calendar year: the year selects mark-ups and the CBAM factor. */
public record ReportingPeriod(LocalDate from, LocalDate to) {

    public ReportingPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
        }
        if (from.getYear() != to.getYear()) {
            throw new IllegalArgumentException("period must lie within one calendar year: " + from + " to " + to);
        }
    }

    public int year() {
        return from.getYear();
    }

    public boolean contains(LocalDate start, LocalDate end) {
        return !start.isBefore(from) && !end.isAfter(to) && !end.isBefore(start);
    }

    public boolean overlaps(LocalDate start, LocalDate end) {
        return !start.isAfter(to) && !end.isBefore(from);
    }
}
