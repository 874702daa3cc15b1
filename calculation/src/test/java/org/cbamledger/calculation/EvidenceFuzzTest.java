package org.cbamledger.calculation;

import org.cbamledger.calculation.core.CalculationException;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evidence with a member replaced by something of the wrong shape, removed, or a record duplicated (seeded,
 * reproducible) is either calculated or refused with a {@link CalculationException}: never any other exception.
 */
class EvidenceFuzzTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void mutatedEvidence_failsOnlyWithCalculationException() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        Random random = new Random(42);
        int refused = 0;
        for (int round = 0; round < 300; round++) {
            List<JsonNode> records = new ArrayList<>();
            for (ScenarioRecord record : scenario.records()) {
                records.add(record.record().deepCopy());
            }
            ObjectNode target = (ObjectNode) records.get(random.nextInt(records.size()));
            if (random.nextInt(10) == 0) {
                records.add(target.deepCopy());
            } else {
                mutate(target, random);
            }
            try {
                EmissionsCalculator.calculate(scenario.request(TestEvidence.ofRecords(records)));
            } catch (CalculationException e) {
                refused++;
                assertTrue(!e.getMessage().isBlank());
            }
        }
        assertTrue(refused > 100, "most mutations are refused: " + refused);
    }

    private static void mutate(ObjectNode record, Random random) {
        ObjectNode holder = record;
        List<String> names = new ArrayList<>(holder.propertyNames());
        String name = names.get(random.nextInt(names.size()));
        if (name.equals("kind")) {
            return;
        }
        if (holder.get(name).isArray() && !holder.get(name).isEmpty() && holder.get(name).get(0).isObject()
                && random.nextBoolean()) {
            holder = (ObjectNode) ((ArrayNode) holder.get(name)).get(0);
            names = new ArrayList<>(holder.propertyNames());
            name = names.get(random.nextInt(names.size()));
        }
        switch (random.nextInt(9)) {
            case 0 -> holder.remove(name);
            case 1 -> holder.put(name, "x");
            case 2 -> holder.put(name, "-1");
            case 3 -> holder.put(name, "0");
            case 4 -> holder.put(name, 1e300);
            case 5 -> holder.set(name, NODES.objectNode());
            case 6 -> holder.set(name, NODES.arrayNode().add(1));
            case 7 -> holder.putNull(name);
            default -> holder.put(name, "2026-13-45");
        }
    }
}
