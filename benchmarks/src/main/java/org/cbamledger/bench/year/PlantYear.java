package org.cbamledger.bench.year;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.calculation.scenario.ElectricityScenarioFiles;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plausible extruder's year at a chosen scale, built on the Serbian scenario (scenarios/serbian-extruder-ppa-2026:
 * installation, lines, production, fuel, factors, PPA, generation, settlements, GOs, allocation model): its five
 * meters become {@code meters} meters of 15-minute readings, the main incomer one of them and the sub-meters spread
 * round-robin over the scenario's four sub-meter groups, each group's daily energy shared exactly among its meters
 * and the 96 intervals of the day (to the Wh). Readings are columnar daily batches (meter-reading-batch version 2),
 * one per meter and day, numbered by day. Same arguments, same records.
 */
final class PlantYear {
    static final String SCENARIO = "scenarios/serbian-extruder-ppa-2026";
    static final String MAIN_METER = "main-incomer";
    static final List<String> SUB_GROUPS = List.of("press-1", "press-2", "compressed-air", "offices");
    static final int INTERVALS_PER_DAY = 96;
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    final Scenario scenario;
    /** The scenario's records other than readings, meters and the allocation model, then the rewritten ones. */
    final List<ScenarioRecord> evidence = new ArrayList<>();
    /** Meter ids by group (the main incomer its own group), in order. */
    final Map<String, List<String>> groups = new LinkedHashMap<>();
    private final Map<String, long[]> dailyWh = new HashMap<>();
    private final Map<String, long[]> mainHourlyWh = new HashMap<>();
    private final int days;

    private PlantYear(Scenario scenario, int days) {
        this.scenario = scenario;
        this.days = days;
    }

    static PlantYear of(Path home, int meters, int days) throws Exception {
        if (meters < 1 + SUB_GROUPS.size()) {
            throw new IllegalArgumentException("--meters must be at least " + (1 + SUB_GROUPS.size()) + " (the main incomer and one meter per sub-meter group)");
        }
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("--days must be 1 to 365 (the scenario's year 2026)");
        }
        Path dir = home.resolve(SCENARIO);
        Scenario scenario = ScenarioLoader.load(dir);
        PlantYear year = new PlantYear(scenario, days);
        year.groups.put(MAIN_METER, List.of(MAIN_METER));
        SUB_GROUPS.forEach(g -> year.groups.put(g, new ArrayList<>()));
        for (int i = 0; i < meters - 1; i++) {
            String group = SUB_GROUPS.get(i % SUB_GROUPS.size());
            List<String> ids = year.groups.get(group);
            ids.add(ids.isEmpty() ? group : group + "." + String.format("%03d", ids.size() + 1));
        }
        List<ScenarioRecord> records = new ArrayList<>(scenario.records());
        records.addAll(ElectricityScenarioFiles.load(dir, scenario));
        year.rewrite(records);
        return year;
    }

    private void rewrite(List<ScenarioRecord> records) {
        for (ScenarioRecord r : records) {
            switch (r.kind()) {
                case Kinds.METER_READING_BATCH -> keepEnergy(r.record());
                case Kinds.METER, Kinds.METER_ROLE -> {
                    String group = r.record().get("meterId").asString();
                    for (String meterId : groups.get(group)) {
                        ObjectNode copy = r.record().deepCopy().put("meterId", meterId);
                        if (r.kind().equals(Kinds.METER)) {
                            copy.put("deviceId", deviceOf(meterId)).put("intervalSeconds", 900);
                        }
                        evidence.add(new ScenarioRecord(r.partyId(), r.kind(), copy, r.source()));
                    }
                }
                case Kinds.ALLOCATION_MODEL -> evidence.add(new ScenarioRecord(r.partyId(), r.kind(), allocation(r.record()), r.source()));
                default -> evidence.add(r);
            }
        }
    }

    /** Hourly (main incomer) and daily (sub-meters) energy of the scenario, in Wh, by meter and day of year. */
    private void keepEnergy(JsonNode batch) {
        String meterId = batch.get("meterId").asString();
        JsonNode readings = batch.get("readings");
        int day = (int) (Instant.parse(readings.get(0).get("intervalStart").asString()).getEpochSecond() / 86_400
                - FIRST_DAY.toEpochDay());
        long[] values = new long[readings.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode kwh = readings.get(i).get("energyKwh");
            values[i] = kwh.isNull() ? 0 : new BigDecimal(kwh.asString()).movePointRight(3).longValueExact();
        }
        if (meterId.equals(MAIN_METER)) {
            mainHourlyWh.put(MAIN_METER + "/" + day, values);
        } else {
            dailyWh.put(meterId + "/" + day, values);
        }
    }

    private ObjectNode allocation(ObjectNode model) {
        ObjectNode copy = model.deepCopy();
        // each line takes every meter of the groups its original meters named
        ArrayNode lines = copy.withArray("lines");
        for (int i = 0; i < lines.size(); i++) {
            ArrayNode ids = ((ObjectNode) lines.get(i)).putArray("meterIds");
            for (JsonNode id : model.get("lines").get(i).get("meterIds").values()) {
                groups.get(id.asString()).forEach(ids::add);
            }
        }
        ArrayNode shared = copy.putArray("sharedAuxiliaries");
        for (JsonNode auxiliary : model.withArray("sharedAuxiliaries").values()) {
            for (String meterId : groups.get(auxiliary.get("meterId").asString())) {
                shared.add(((ObjectNode) auxiliary).deepCopy().put("meterId", meterId));
            }
        }
        ArrayNode excluded = copy.putArray("excludedMeterIds");
        for (JsonNode id : model.withArray("excludedMeterIds").values()) {
            groups.get(id.asString()).forEach(excluded::add);
        }
        return copy;
    }

    static String deviceOf(String meterId) {
        return "gw-" + meterId;
    }

    int meterCount() {
        return groups.values().stream().mapToInt(List::size).sum();
    }

    int days() {
        return days;
    }

    /** The columnar batch of one meter and day (0 = 1 January): its 96 readings in Wh, as exact kWh strings. */
    ObjectNode batch(String group, int meterInGroup, int day) {
        String meterId = groups.get(group).get(meterInGroup);
        long[] wh = intervalsWh(group, meterInGroup, day);
        ObjectNode batch = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("kind", Kinds.METER_READING_BATCH).put("version", 2).put("meterId", meterId)
                .put("deviceId", deviceOf(meterId)).put("sequence", day)
                .put("start", FIRST_DAY.plusDays(day).atStartOfDay().toInstant(ZoneOffset.UTC).toString())
                .put("intervalSeconds", 900).put("scale", "0.001");
        ArrayNode energy = batch.putArray("energyKwh");
        ArrayNode raw = batch.putArray("rawRegisterValues");
        ArrayNode quality = batch.putArray("quality");
        // the register counts Wh; a plausible reading before the year: a fixed offset per meter
        long register = 1_000_000_000L * (meterInGroup + 1) + 86_400_000L * day;
        for (long value : wh) {
            register += value;
            energy.add(BigDecimal.valueOf(value, 3).toPlainString());
            raw.add(String.format("%016x", register));
            quality.add("GOOD");
        }
        return batch;
    }

    private long[] intervalsWh(String group, int meterInGroup, int day) {
        long[] out = new long[INTERVALS_PER_DAY];
        if (group.equals(MAIN_METER)) {
            long[] hours = mainHourlyWh.get(MAIN_METER + "/" + day);
            for (int i = 0; i < INTERVALS_PER_DAY; i++) {
                out[i] = share(hours[i / 4], 4, i % 4);
            }
            return out;
        }
        long total = dailyWh.get(group + "/" + day)[0];
        int meters = groups.get(group).size();
        long meterWh = share(total, meters, meterInGroup);
        for (int i = 0; i < INTERVALS_PER_DAY; i++) {
            out[i] = share(meterWh, INTERVALS_PER_DAY, i);
        }
        return out;
    }

    /** Part {@code i} of {@code total} split into {@code parts} integers that add up to it exactly. */
    static long share(long total, int parts, int i) {
        return total / parts + (i < total % parts ? 1 : 0);
    }
}
