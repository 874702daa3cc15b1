package org.cbamledger.service.tiles;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest size seen per log of a tree size that only grows (the published or the integrated one): a request
 * within it needs no database read; the size is read again only when a request names a larger one.
 */
public final class LargestSizes {
    /** Reads a log's current size. */
    @FunctionalInterface
    public interface Source {
        long read(String logId) throws SQLException;
    }

    private final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
    private final Source source;

    public LargestSizes(Source source) {
        this.source = source;
    }

    /** The largest size seen, without a read: 0 before the first. */
    public long seen(String logId) {
        AtomicLong known = seen.get(logId);
        return known == null ? 0 : known.get();
    }

    /** The size, read again only when {@code wanted} is beyond the largest seen. */
    public long atLeast(String logId, long wanted) throws SQLException {
        AtomicLong known = seen.computeIfAbsent(logId, id -> new AtomicLong());
        long size = known.get();
        if (size >= wanted) {
            return size;
        }
        return known.accumulateAndGet(source.read(logId), Math::max);
    }
}
