package org.cbamledger.bench;

import java.util.List;

final class Percentiles {
    private Percentiles() {}

    /** Nearest-rank percentile; NaN for no values. */
    static double of(List<Double> values, int percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
