package org.cbamledger.connector.imports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.reading.IntervalAggregator;
import org.cbamledger.connector.reading.IntervalReading;
import org.cbamledger.connector.reading.MeterSample;
import org.cbamledger.connector.reading.MeterState;
import org.cbamledger.connector.reading.Quality;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.RegisterValue;
import org.cbamledger.connector.time.IntervalGrid;

/**
 * Parses historian / EMS exports. Two layouts, chosen by the header:
 * <ul>
 *   <li>interval values: {@code intervalStart,intervalEnd,energyKwh[,quality]}, quality as in the
 *       meter-reading-batch schema (GOOD, SUSPECT, GAP, COMM_FAILURE; GOOD when empty)</li>
 *   <li>cumulative counter readings at boundaries: {@code timestamp,counterKwh}, turned into
 *       intervals by the same aggregator the live connector uses (rollover, reset, gaps)</li>
 * </ul>
 * Every row is checked before anything is returned; any problem rejects the whole file.
 */
public final class CsvReadingsParser {
    private static final int MAX_DECIMALS = 6;

    private final String meterId;
    private final IntervalGrid grid;
    private final BigDecimal rolloverKwh;

    public CsvReadingsParser(String meterId, IntervalGrid grid, BigDecimal rolloverKwh) {
        this.meterId = meterId;
        this.grid = grid;
        this.rolloverKwh = rolloverKwh;
    }

    public List<IntervalReading> parse(String fileName, List<String> lines) throws CsvImportException {
        List<String> problems = new ArrayList<>();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new CsvImportException(fileName, List.of("line 1: the file is empty"));
        }
        List<String> header = Arrays.stream(strip(lines.get(first)).split(",", -1)).map(String::trim).toList();
        List<IntervalReading> readings;
        if (header.equals(List.of("timestamp", "counterKwh"))) {
            readings = counterRows(lines, first, problems);
        } else if (header.equals(List.of("intervalStart", "intervalEnd", "energyKwh"))
                || header.equals(List.of("intervalStart", "intervalEnd", "energyKwh", "quality"))) {
            readings = intervalRows(lines, first, header.size(), problems);
        } else {
            problems.add("line " + (first + 1) + ": header must be 'intervalStart,intervalEnd,energyKwh[,quality]' or"
                    + " 'timestamp,counterKwh', got '" + lines.get(first) + "'");
            readings = List.of();
        }
        if (problems.isEmpty() && readings.isEmpty()) {
            problems.add("the file has no readings");
        }
        if (!problems.isEmpty()) {
            throw new CsvImportException(fileName, problems);
        }
        return readings;
    }

    private List<IntervalReading> intervalRows(List<String> lines, int headerIndex, int columns, List<String> problems) {
        List<IntervalReading> readings = new ArrayList<>();
        Instant previousEnd = null;
        for (int i = headerIndex + 1; i < lines.size(); i++) {
            int line = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != columns) {
                problems.add("line " + line + ": expected " + columns + " fields, got " + f.length);
                continue;
            }
            int before = problems.size();
            Instant start = wholeSecond(instant(f[0], line, "intervalStart", problems), line, "intervalStart", problems);
            Instant end = wholeSecond(instant(f[1], line, "intervalEnd", problems), line, "intervalEnd", problems);
            Quality quality = Quality.GOOD;
            if (columns == 4 && !f[3].isBlank()) {
                quality = switch (f[3].trim()) {
                    case "GOOD" -> Quality.GOOD;
                    // measured but flagged (e.g. a span the historian could not split): sent as SUSPECT
                    case "SUSPECT" -> Quality.GAP;
                    case "GAP" -> Quality.METER_RESET;
                    case "COMM_FAILURE" -> Quality.COMM_FAILURE;
                    default -> {
                        problems.add("line " + line + ", field quality: '" + f[3].trim()
                                + "' is not one of [GOOD, SUSPECT, GAP, COMM_FAILURE]");
                        yield Quality.GOOD;
                    }
                };
            }
            BigDecimal energy = null;
            boolean unknownAllowed = quality == Quality.COMM_FAILURE || quality == Quality.METER_RESET;
            if (f[2].isBlank()) {
                if (!unknownAllowed) {
                    problems.add("line " + line + ", field energyKwh: empty, allowed only with quality GAP or"
                            + " COMM_FAILURE");
                }
            } else {
                energy = decimal(f[2], line, "energyKwh", problems);
                if (energy != null && unknownAllowed) {
                    problems.add("line " + line + ", field energyKwh: must be empty when quality is " + f[3].trim());
                }
            }
            if (start != null && end != null) {
                if (!end.isAfter(start)) {
                    problems.add("line " + line + ", field intervalEnd: " + end + " is not after intervalStart " + start);
                } else if (quality != Quality.GAP && quality != Quality.METER_RESET
                        && !start.plus(grid.length()).equals(end)) {
                    problems.add("line " + line + ", field intervalEnd: interval is " + java.time.Duration.between(start, end)
                            + ", expected " + grid.length() + " (only SUSPECT and GAP rows may span several intervals)");
                }
                if (previousEnd != null && start.isBefore(previousEnd)) {
                    problems.add("line " + line + ", field intervalStart: " + start + " overlaps the previous row, which"
                            + " ends at " + previousEnd);
                }
                previousEnd = end;
            }
            if (problems.size() == before) {
                RegisterValue value = energy == null ? null : ImportedValue.of(energy);
                readings.add(new IntervalReading(meterId, start, end, energy, quality, null, value, Map.of(),
                        "imported from CSV line " + line));
            }
        }
        return readings;
    }

    private List<IntervalReading> counterRows(List<String> lines, int headerIndex, List<String> problems) {
        IntervalAggregator aggregator = new IntervalAggregator(grid, rolloverKwh);
        MeterState state = MeterState.empty(meterId);
        List<IntervalReading> readings = new ArrayList<>();
        Instant previous = null;
        for (int i = headerIndex + 1; i < lines.size(); i++) {
            int line = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != 2) {
                problems.add("line " + line + ": expected 2 fields, got " + f.length);
                continue;
            }
            int before = problems.size();
            Instant t = instant(f[0], line, "timestamp", problems);
            BigDecimal counter = decimal(f[1], line, "counterKwh", problems);
            if (t != null && !grid.isBoundary(t)) {
                problems.add("line " + line + ", field timestamp: " + t + " is not on a " + grid.length().toMinutes()
                        + "-minute boundary");
            }
            if (t != null && previous != null && !t.isAfter(previous)) {
                problems.add("line " + line + ", field timestamp: " + t + " is not after the previous row (" + previous + ")");
            }
            if (problems.size() > before) {
                continue;
            }
            previous = t;
            RegisterValue value = ImportedValue.of(counter);
            IntervalAggregator.Step step = aggregator.accept(state,
                    MeterSample.ok(meterId, t, t, Map.of(Channel.ACTIVE_ENERGY_IMPORT_KWH, value)));
            state = step.state();
            readings.addAll(step.closed());
        }
        return problems.isEmpty() ? readings : List.of();
    }

    private static Instant instant(String value, int line, String field, List<String> problems) {
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add("line " + line + ", field " + field + ": '" + value.trim()
                    + "' is not an RFC 3339 time with offset (e.g. 2026-01-05T00:15:00Z)");
            return null;
        }
    }

    /** Reading times are whole seconds (api-spec common.schema.json readingTime): the ledger refuses a fraction. */
    private static Instant wholeSecond(Instant instant, int line, String field, List<String> problems) {
        if (instant != null && instant.getNano() != 0) {
            problems.add("line " + line + ", field " + field + ": " + instant + " has a fraction of a second; reading times"
                    + " are whole seconds");
            return null;
        }
        return instant;
    }

    private static BigDecimal decimal(String value, int line, String field, List<String> problems) {
        try {
            BigDecimal d = new BigDecimal(value.trim());
            if (d.signum() < 0) {
                problems.add("line " + line + ", field " + field + ": " + value.trim() + " is negative");
                return null;
            }
            if (d.stripTrailingZeros().scale() > MAX_DECIMALS) {
                problems.add("line " + line + ", field " + field + ": " + value.trim() + " has more than "
                        + MAX_DECIMALS + " decimals");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add("line " + line + ", field " + field + ": '" + value.trim() + "' is not a decimal number");
            return null;
        }
    }

    private static String strip(String headerLine) {
        return headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
    }
}
