package org.cbamledger.service.room;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refusals of a caller the room is not granted to, counted per (token subject, room, minute): the first of each
 * minute is logged as it happens, the others only as one summarising entry once the minute is over, so a caller
 * without a grant cannot grow the exporter's log by more than two entries a minute per room.
 */
final class RefusalTally {
    record Key(String subject, String roomId) {}

    /** The refusals of one minute after its first: how many, when, and the last request, which the summary names. */
    record Window(Instant minute, int further, Instant firstAt, Instant lastAt, RoomAccessRecord last) {}

    private final Map<Key, Window> windows = new ConcurrentHashMap<>();

    /** Counts a refusal; true when it is the first of its minute and is to be logged on its own. */
    boolean first(Key key, RoomAccessRecord refusal, List<Window> closed) {
        Instant minute = refusal.accessedAt().truncatedTo(ChronoUnit.MINUTES);
        boolean[] first = {false};
        windows.compute(key, (k, w) -> {
            if (w == null || !w.minute().equals(minute)) {
                if (w != null && w.further() > 0) {
                    closed.add(w);
                }
                first[0] = true;
                return new Window(minute, 0, null, null, null);
            }
            Instant firstAt = w.further() == 0 ? refusal.accessedAt() : w.firstAt();
            return new Window(minute, w.further() + 1, firstAt, refusal.accessedAt(), refusal);
        });
        return first[0];
    }

    /** Removes and returns the windows whose minute is over and that counted refusals after their first. */
    List<Window> closedBefore(Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        List<Window> closed = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Window> e = it.next();
            if (e.getValue().minute().isBefore(minute)) {
                if (windows.remove(e.getKey(), e.getValue()) && e.getValue().further() > 0) {
                    closed.add(e.getValue());
                }
            }
        }
        return closed;
    }
}
