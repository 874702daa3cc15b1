package org.cbamledger.service.room.scope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A data room as its exporter opened it: one installation of one log, a reporting period (both dates inclusive)
 * and the CN codes of the goods it covers.
 */
public record RoomDefinition(
        String roomId,
        String logId,
        String name,
        String installationId,
        LocalDate periodFrom,
        LocalDate periodTo,
        SortedSet<String> cnCodes,
        String createdBy,
        Instant createdAt) {

    public RoomDefinition {
        if (periodTo.isBefore(periodFrom)) {
            throw new IllegalArgumentException("periodTo " + periodTo + " is before periodFrom " + periodFrom);
        }
        if (cnCodes.isEmpty()) {
            throw new IllegalArgumentException("a room covers at least one CN code");
        }
        cnCodes = new TreeSet<>(cnCodes);
    }

    /** True when the closed interval [from, to] shares at least one day with the room's period. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !to.isBefore(periodFrom) && !from.isAfter(periodTo);
    }

    /** True when [from, to] lies inside the room's period. */
    public boolean contains(LocalDate from, LocalDate to) {
        return !from.isBefore(periodFrom) && !to.isAfter(periodTo);
    }
}
