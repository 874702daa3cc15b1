package org.cbamledger.calculation.electricity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The hours without a good reading, per meter and month, reported as one finding each (first 12 hours named). */
final class MissingHours {
    private static final int NAMED = 12;
    private final Map<MeterMonth, List<String>> hours = new TreeMap<>();

    void add(MeterMonth meterMonth, String hour) {
        hours.computeIfAbsent(meterMonth, k -> new ArrayList<>()).add(hour);
    }

    List<ElectricityFinding> findings() {
        List<ElectricityFinding> findings = new ArrayList<>();
        hours.forEach((meterMonth, missing) -> findings.add(new ElectricityFinding(FindingType.MISSING_INTERVAL,
                meterMonth.meterId(), meterMonth.month().toString(), BigDecimal.ZERO,
                missing.size() + " hour(s) without a good reading: " + String.join(", ", missing.subList(0, Math.min(NAMED, missing.size())))
                        + (missing.size() > NAMED ? ", ..." : ""))));
        return findings;
    }
}
