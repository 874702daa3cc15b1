package org.cbamledger.calculation.electricity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.core.ReportingPeriod;

/** Hours and months of a reporting period, in UTC (meter and registry timestamps are UTC, api-spec timestamp). */
public final class Hours {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private Hours() {}

    public static List<YearMonth> months(ReportingPeriod period) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(YearMonth.from(period.to())); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The hours of the month that lie in the period. */
    public static List<Instant> hours(YearMonth month, ReportingPeriod period) {
        LocalDate from = month.atDay(1).isBefore(period.from()) ? period.from() : month.atDay(1);
        LocalDate to = month.atEndOfMonth().isAfter(period.to()) ? period.to() : month.atEndOfMonth();
        List<Instant> hours = new ArrayList<>();
        Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (Instant h = from.atStartOfDay().toInstant(ZoneOffset.UTC); h.isBefore(end); h = h.plusSeconds(3600)) {
            hours.add(h);
        }
        return hours;
    }

    public static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC));
    }

    /** {@code 2026-03-01T05}: how figure ids and findings name an hour. */
    public static String name(Instant hour) {
        return HOUR.format(hour);
    }
}
