package org.cbamledger.service.web;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cbamledger.service.problem.LedgerException;

/**
 * The last few computed views, by a key that changes whenever their entries or statements would (a log's: log id,
 * checkpoint size, statement ids; a room's: the very entries and statements its visitor sees): recomputing a year of hourly electricity for every page and month switch is seconds of CPU.
 * The entries are read inside the computation, so a view already made reads none of them again.
 */
final class ViewCache<K> {
    private static final int CAPACITY = 4;
    private final Map<K, ReadinessView> views = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<K, ReadinessView> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Reads the entries and statements of a view and computes it. */
    interface Computation {
        ReadinessView compute() throws SQLException, LedgerException;
    }

    synchronized ReadinessView get(K key, Computation computation) throws SQLException, LedgerException {
        ReadinessView view = views.get(key);
        if (view == null) {
            view = computation.compute();
            views.put(key, view);
        }
        return view;
    }
}
