package org.cbamledger.service.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last few computed views, by a key that changes whenever their entries or statements would (log id, checkpoint
 * size, statement ids): recomputing a year of hourly electricity for every page and month switch is seconds of CPU.
 */
final class ViewCache {
    private static final int CAPACITY = 4;
    private final Map<String, ReadinessView> views = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReadinessView> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized ReadinessView get(String key, Supplier<ReadinessView> compute) {
        ReadinessView view = views.get(key);
        if (view == null) {
            view = compute.get();
            views.put(key, view);
        }
        return view;
    }
}
