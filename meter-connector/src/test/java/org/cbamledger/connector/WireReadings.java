package org.cbamledger.connector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The readings of a signed meter-reading-batch record as version-1 reading objects ({@code intervalStart},
 * {@code intervalEnd}, {@code energyKwh}, {@code rawRegisterValue}, {@code scale}, {@code quality}), whichever version
 * the connector sent, so tests check the figures and flags the same way for both.
 */
public final class WireReadings {
    private WireReadings() {}

    public static List<JsonNode> of(JsonNode record) {
        List<JsonNode> readings = new ArrayList<>();
        if (!record.has("version")) {
            record.get("readings").forEach(readings::add);
            return readings;
        }
        Instant start = Instant.parse(record.get("start").asString());
        long seconds = record.get("intervalSeconds").asLong();
        for (int i = 0; i < record.get("quality").size(); i++) {
            ObjectNode reading = JsonNodeFactory.instance.objectNode();
            reading.put("intervalStart", start.plusSeconds(seconds * i).toString());
            reading.put("intervalEnd", start.plusSeconds(seconds * (i + 1)).toString());
            reading.set("energyKwh", record.get("energyKwh").get(i));
            reading.set("rawRegisterValue", record.get("rawRegisterValues").get(i));
            reading.set("scale", record.get("scale"));
            reading.set("quality", record.get("quality").get(i));
            readings.add(reading);
        }
        return readings;
    }
}
