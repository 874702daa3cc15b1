package org.cbamledger.service.web;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cbamledger.service.problem.LedgerException;

/**
 * The last few computed views, by a key that changes whenever their entries or statements would (log id, checkpoint
 * size, statement ids): recomputing a year of hourly electricity for every page and month switch is seconds of CPU.
 * The entries are read inside the computation, so a view already made reads none of them again.
 */
final class ViewCache {
    private static final int CAPACITY = 4;
    private final Map<String, ReadinessView> views = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReadinessView> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Reads the entries and statements of a view and computes it. */
    interface Computation {
        ReadinessView compute() throws SQLException, LedgerException;
    }

    synchronized ReadinessView get(String key, Computation computation) throws SQLException, LedgerException {
        ReadinessView view = views.get(key);
        if (view == null) {
            view = computation.compute();
            views.put(key, view);
        }
        return view;
    }
}
