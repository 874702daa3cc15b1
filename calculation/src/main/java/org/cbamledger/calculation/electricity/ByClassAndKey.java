package org.cbamledger.calculation.electricity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * Values keyed by electricity class and, within a class, by the key its emission factor goes with (the grid, a
 * contract, a meter, a settlement). Iteration is in class order, then in the order the keys were first put: the
 * order the ledger derives its figures in.
 */
final class ByClassAndKey<V> {
    static final String GRID_KEY = "grid";

    record Entry<V>(ElectricityClass electricityClass, String key, V value) {}

    private final Map<ElectricityClass, Map<String, V>> values = new EnumMap<>(ElectricityClass.class);

    V get(ElectricityClass cls, String key) {
        return values.getOrDefault(cls, Map.of()).get(key);
    }

    void put(ElectricityClass cls, String key, V value) {
        keys(cls).put(key, value);
    }

    void putIfAbsent(ElectricityClass cls, String key, V value) {
        keys(cls).putIfAbsent(key, value);
    }

    V computeIfAbsent(ElectricityClass cls, String key, Supplier<V> value) {
        return keys(cls).computeIfAbsent(key, k -> value.get());
    }

    void merge(ElectricityClass cls, String key, V value, BinaryOperator<V> combine) {
        keys(cls).merge(key, value, combine);
    }

    /** The keys of one class and their values, in the order first put; empty for a class without any. */
    List<Entry<V>> of(ElectricityClass cls) {
        List<Entry<V>> entries = new ArrayList<>();
        values.getOrDefault(cls, Map.of()).forEach((key, value) -> entries.add(new Entry<>(cls, key, value)));
        return entries;
    }

    List<Entry<V>> entries() {
        List<Entry<V>> entries = new ArrayList<>();
        values.keySet().forEach(cls -> entries.addAll(of(cls)));
        return entries;
    }

    private Map<String, V> keys(ElectricityClass cls) {
        return values.computeIfAbsent(cls, c -> new LinkedHashMap<>());
    }
}
