package org.cbamledger.verifier.bundle;

import java.time.LocalDate;

/**
 * What a bundle states it covers (bundle.json {@code coverage}, api-spec/BUNDLE.md): every leaf of an index range, or
 * a data room's scope, proved complete by the log's verifiable index. A bundle written before coverage states none.
 */
public sealed interface Coverage {

    /** Every leaf with {@code fromIndex <= index < toIndex}. */
    record Range(long fromIndex, long toIndex) implements Coverage {
        public Range {
            if (fromIndex < 0 || toIndex < fromIndex) {
                throw new IllegalArgumentException("a range needs 0 <= from <= to, got " + fromIndex + ", " + toIndex);
            }
        }
    }

    /** A room's scope: every entry the log's index lists for its installation and the months of its period. */
    record Room(String roomId, String installationId, LocalDate periodFrom, LocalDate periodTo) implements Coverage {
        public Room {
            if (periodTo.isBefore(periodFrom)) {
                throw new IllegalArgumentException("periodTo " + periodTo + " is before periodFrom " + periodFrom);
            }
        }
    }
}
