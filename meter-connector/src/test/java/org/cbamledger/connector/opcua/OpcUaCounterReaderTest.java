package org.cbamledger.connector.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cbamledger.connector.ManualTimeSource;
import org.cbamledger.connector.Ports;
import org.cbamledger.connector.config.OpcUaEndpointConfig;
import org.cbamledger.connector.config.OpcUaNodeConfig;
import org.cbamledger.connector.reading.MeterSample;
import org.cbamledger.connector.sim.OpcUaScadaSimulator;
import org.cbamledger.connector.sim.SimulatorFaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads SCADA counters from a real Eclipse Milo server on loopback with the Milo client. */
class OpcUaCounterReaderTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final SimulatorFaults FAULTS = new SimulatorFaults();
    private static OpcUaScadaSimulator fresh;
    private static OpcUaScadaSimulator stale;
    private static volatile double energyKwh = 50_000.125;

    @BeforeAll
    static void startServers() throws Exception {
        Map<String, Supplier<Object>> variables = new LinkedHashMap<>();
        variables.put("Plant/Line1/EnergyCounterKwh", () -> energyKwh);
        variables.put("Plant/Boiler1/GasFlowTotaliserNm3", () -> 8_123.5);
        variables.put("Plant/Press1/ProductionCounter", () -> 4711L);
        fresh = new OpcUaScadaSimulator("127.0.0.1", Ports.free(), variables, FAULTS, Duration.ZERO).start();
        stale = new OpcUaScadaSimulator("127.0.0.1", Ports.free(), variables, new SimulatorFaults(),
                Duration.ofHours(2)).start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        fresh.close();
        stale.close();
    }

    private static OpcUaCounterReader reader(OpcUaScadaSimulator server) {
        List<OpcUaNodeConfig> nodes = List.of(
                new OpcUaNodeConfig("line-1", server.nodeId("Plant/Line1/EnergyCounterKwh"), BigDecimal.ONE, null),
                new OpcUaNodeConfig("boiler-1-gas", server.nodeId("Plant/Boiler1/GasFlowTotaliserNm3"), BigDecimal.ONE, null),
                new OpcUaNodeConfig("press-1-pieces", server.nodeId("Plant/Press1/ProductionCounter"), BigDecimal.ONE, null));
        return new OpcUaCounterReader(new OpcUaEndpointConfig(server.endpointUrl(), "None", null, null, null, List.of(),
                nodes, 3000, Duration.ofMinutes(5)), new ManualTimeSource(T0));
    }

    @Test
    void read_returnsEnergyGasAndProductionCountersWithTheirBinaryValueAsEvidence() {
        try (OpcUaCounterReader reader = reader(fresh)) {
            List<MeterSample> samples = reader.read(T0);
            assertEquals(3, samples.size());
            samples.forEach(s -> assertTrue(s.succeeded(), s.failure()));
            assertEquals(new BigDecimal("50000.125"), samples.get(0).counter().value());
            assertEquals("40e86a0400000000", samples.get(0).counter().rawHex()); // IEEE 754 binary64 of 50000.125
            assertEquals(new BigDecimal("8123.5"), samples.get(1).counter().value());
            assertEquals(new BigDecimal("4711"), samples.get(2).counter().value());
            energyKwh = 50_010.5;
            assertEquals(new BigDecimal("50010.5"), reader.read(T0.plusSeconds(60)).getFirst().counter().value());
        }
    }

    @Test
    void badStatus_isAFailedSampleNotTheOldValue() {
        try (OpcUaCounterReader reader = reader(fresh)) {
            assertTrue(reader.read(T0).getFirst().succeeded());
            FAULTS.setOffline(true);
            MeterSample failed = reader.read(T0.plusSeconds(60)).getFirst();
            assertFalse(failed.succeeded());
            assertTrue(failed.failure().contains("Bad_NoCommunication"), failed.failure());
        } finally {
            FAULTS.setOffline(false);
        }
    }

    @Test
    void oldSourceTimestamp_isStaleAndFailsTheSample() {
        try (OpcUaCounterReader reader = reader(stale)) {
            MeterSample sample = reader.read(T0).getFirst();
            assertFalse(sample.succeeded());
            assertTrue(sample.failure().contains("is stale"), sample.failure());
        }
    }

    @Test
    void unreachableServer_failsEverySampleOfTheEndpoint() {
        List<OpcUaNodeConfig> nodes = List.of(new OpcUaNodeConfig("x", "ns=2;s=X", BigDecimal.ONE, null));
        try (OpcUaCounterReader reader = new OpcUaCounterReader(new OpcUaEndpointConfig(
                "opc.tcp://127.0.0.1:" + Ports.free() + "/none", "None", null, null, null, List.of(), nodes, 1000,
                Duration.ofMinutes(5)), new ManualTimeSource(T0))) {
            MeterSample sample = reader.read(T0).getFirst();
            assertFalse(sample.succeeded());
            assertTrue(sample.failure().startsWith("OPC UA read from opc.tcp://127.0.0.1:"), sample.failure());
        }
    }
}
