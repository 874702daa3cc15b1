package org.cbamledger.service.room.scope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * When an interval series (meter readings, generation) has data, as UTC days, so that whether it falls in a room's
 * period is decided without its values: each interval [start, end] becomes the pair (day of start, last day end
 * reaches: the day before when end is exactly midnight), kept once. Readings count when one interval lies inside the
 * period ({@code containing}), generation when one overlaps it.
 */
record SeriesDays(boolean overlapping, List<long[]> spans) {

    SeriesDays {
        spans = List.copyOf(spans);
    }

    /** Readings: in the period when one interval lies inside it. */
    static Builder ofReadings() {
        return new Builder(false);
    }

    /** Generation: in the period when one interval overlaps it. */
    static Builder ofGeneration() {
        return new Builder(true);
    }

    /** The rule the walk applied to each interval, on the days: [periodFrom 00:00, periodTo + 1 00:00). */
    boolean inPeriod(LocalDate from, LocalDate to) {
        long first = from.toEpochDay();
        long last = to.toEpochDay();
        for (long[] span : spans) {
            if (overlapping ? span[0] <= last && span[1] >= first : span[0] >= first && span[1] <= last) {
                return true;
            }
        }
        return false;
    }

    static final class Builder {
        private final boolean overlapping;
        private final Set<List<Long>> spans = new LinkedHashSet<>();

        private Builder(boolean overlapping) {
            this.overlapping = overlapping;
        }

        Builder add(Instant start, Instant end) {
            spans.add(List.of(Math.floorDiv(start.getEpochSecond(), 86_400L),
                    Math.ceilDiv(end.getEpochSecond(), 86_400L) - 1));
            return this;
        }

        SeriesDays build() {
            return new SeriesDays(overlapping, spans.stream().map(s -> new long[] {s.get(0), s.get(1)}).toList());
        }
    }

}
