package org.cbamledger.bench.year;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PlantYearTest {
    private static final Path HOME = Path.of("..");

    @Test
    void sameArguments_giveTheSameRecords() throws Exception {
        PlantYear a = PlantYear.of(HOME, 13, 3);
        PlantYear b = PlantYear.of(HOME, 13, 3);
        assertEquals(a.groups, b.groups);
        assertEquals(a.evidence.stream().map(r -> r.record().toString()).toList(),
                b.evidence.stream().map(r -> r.record().toString()).toList());
        assertArrayEquals(YearClient.JSON.writeValueAsBytes(a.batch("press-2", 2, 1)),
                YearClient.JSON.writeValueAsBytes(b.batch("press-2", 2, 1)));
    }

    @Test
    void batches_areValidColumnarRecords_signedSoTheyVerify() throws Exception {
        PlantYear plant = PlantYear.of(HOME, 6, 2);
        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        for (String group : plant.groups.keySet()) {
            for (int meter = 0; meter < plant.groups.get(group).size(); meter++) {
                Envelope envelope = Envelope.parse(YearRun.sign(plant.batch(group, meter, 1), gateway));
                assertTrue(envelope.isSignedBy(gateway.publicKey()));
                JsonNode record = envelope.record();
                RecordValidator.validate(record);
                assertEquals(96, record.get("quality").size());
                assertEquals(1, record.get("sequence").asInt());
                assertEquals("2026-01-02T00:00:00Z", record.get("start").asString());
            }
        }
        for (ScenarioRecord record : plant.evidence) {
            RecordValidator.validate(record.record());
        }
    }

    @Test
    void meters_shareTheirGroupsDailyEnergyExactly_andTheAllocationModelNamesThemAll() throws Exception {
        PlantYear plant = PlantYear.of(HOME, 50, 1);
        assertEquals(50, plant.meterCount());
        assertEquals(13, plant.groups.get("press-1").size());
        BigDecimal press = BigDecimal.ZERO;
        for (int meter = 0; meter < 13; meter++) {
            for (JsonNode kwh : plant.batch("press-1", meter, 0).get("energyKwh").values()) {
                press = press.add(new BigDecimal(kwh.asString()));
            }
        }
        // scenarios/serbian-extruder-ppa-2026/meter-daily.csv: press-1,2026-01-01,149129
        assertEquals(0, new BigDecimal("149129").compareTo(press), press.toPlainString());
        JsonNode model = plant.evidence.stream().filter(r -> r.kind().equals("allocation-model")).findFirst().orElseThrow().record();
        List<String> named = new ArrayList<>();
        model.get("lines").values().forEach(line -> line.get("meterIds").values().forEach(id -> named.add(id.asString())));
        model.get("sharedAuxiliaries").values().forEach(a -> named.add(a.get("meterId").asString()));
        model.get("excludedMeterIds").values().forEach(id -> named.add(id.asString()));
        assertEquals(49, named.size());
        assertEquals(50, plant.evidence.stream().filter(r -> r.kind().equals("meter")).count());
    }

    @Test
    void tooFewMetersOrDays_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> PlantYear.of(HOME, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> PlantYear.of(HOME, 5, 366));
    }

    @Test
    void share_splitsExactly() {
        long sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += PlantYear.share(100, 7, i);
        }
        assertEquals(100, sum);
        assertEquals(15, PlantYear.share(100, 7, 0));
        assertEquals(14, PlantYear.share(100, 7, 6));
    }
}
