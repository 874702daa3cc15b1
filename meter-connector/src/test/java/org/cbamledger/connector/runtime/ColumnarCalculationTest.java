package org.cbamledger.connector.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cbamledger.calculation.electricity.MeterSeries;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.trace.TraceInput.EvidenceRef;
import org.cbamledger.connector.ManualTimeSource;
import org.cbamledger.connector.Ports;
import org.cbamledger.connector.WireReadings;
import org.cbamledger.connector.batch.BatchSigner;
import org.cbamledger.connector.config.ModbusDeviceConfig;
import org.cbamledger.connector.config.OpcUaEndpointConfig;
import org.cbamledger.connector.config.OpcUaNodeConfig;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.connector.modbus.ModbusMeterReader;
import org.cbamledger.connector.opcua.OpcUaCounterReader;
import org.cbamledger.connector.reading.MeterReader;
import org.cbamledger.connector.register.RegisterMap;
import org.cbamledger.connector.register.RegisterMaps;
import org.cbamledger.connector.sim.MeterProcessImage;
import org.cbamledger.connector.sim.ModbusMeterSimulator;
import org.cbamledger.connector.sim.OpcUaScadaSimulator;
import org.cbamledger.connector.sim.SimulatedCounter;
import org.cbamledger.connector.sim.SimulatorFaults;
import org.cbamledger.connector.time.IntervalGrid;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Batches polled from a real j2mod slave and a real Milo server, through an outage (COMM_FAILURE, then a SUSPECT
 * span) and a meter reset (GAP), go out in columns; the calculation's hourly meter series from them equals the one
 * from the same readings as version 1 objects, hour by hour, with the same missing and suspect hours.
 */
class ColumnarCalculationTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration Q = Duration.ofMinutes(15);
    private static final int INTERVALS = 16; // four hours

    @TempDir
    Path dir;

    private final ManualTimeSource time = new ManualTimeSource(T0);
    private final SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);

    @Test
    void modbusBatches_giveTheSameHourlySeriesInColumnsAsInReadingObjects() throws Exception {
        RegisterMap generic = RegisterMaps.load("generic");
        int port = Ports.free();
        SimulatorFaults faults = new SimulatorFaults();
        SimulatedCounter counter = new SimulatedCounter(time, 200, 1_000);
        try (ModbusMeterSimulator simulator = new ModbusMeterSimulator(InetAddress.getLoopbackAddress(), port,
                Map.of(1, new MeterProcessImage(generic, counter, time, faults)), faults)) {
            simulator.start();
            ModbusMeterReader reader = new ModbusMeterReader(
                    new ModbusDeviceConfig("line-1", "127.0.0.1", port, 1, generic, 500), time);
            List<JsonNode> records = poll(reader, simulator::disconnect, simulator::reconnect, counter::reset);
            assertSameSeries("line-1", records);
        }
    }

    @Test
    void opcUaBatches_giveTheSameHourlySeriesInColumnsAsInReadingObjects() throws Exception {
        SimulatorFaults faults = new SimulatorFaults();
        SimulatedCounter counter = new SimulatedCounter(time, 150, 50_000);
        Map<String, Supplier<Object>> variables = new LinkedHashMap<>();
        variables.put("Plant/Line1/EnergyCounterKwh", () -> counter.valueAt(time.now()));
        try (OpcUaScadaSimulator server = new OpcUaScadaSimulator("127.0.0.1", Ports.free(), variables, faults,
                Duration.ZERO).start()) {
            OpcUaCounterReader reader = new OpcUaCounterReader(new OpcUaEndpointConfig(server.endpointUrl(), "None", null,
                    null, null, List.of(), List.of(new OpcUaNodeConfig("line-1-scada",
                            server.nodeId("Plant/Line1/EnergyCounterKwh"), BigDecimal.ONE, null)), 3000,
                    Duration.ofMinutes(5)), time);
            List<JsonNode> records = poll(reader, () -> faults.setOffline(true), () -> faults.setOffline(false),
                    counter::reset);
            assertSameSeries("line-1-scada", records);
        }
    }

    /** Polls every five minutes for four hours: down at 01:15 (back by 01:30), counter cleared at 02:37. */
    @FunctionalInterface
    private interface Fault {
        void apply() throws Exception;
    }

    private List<JsonNode> poll(MeterReader reader, Fault down, Fault up, Fault resetCounter) throws Exception {
        try (Journal journal = Journal.open(dir, 1 << 20, 64 * 1024); reader) {
            String meterId = reader.meterIds().getFirst();
            BatchPublisher publisher = new BatchPublisher("gw-1", new IntervalGrid(Q), journal, new BatchSigner(key),
                    java.util.Collections.singletonMap(meterId, reader.rolloverKwh(meterId)), () -> { });
            Poller poller = new Poller(reader, new IntervalGrid(Duration.ofMinutes(5)), time, publisher);
            for (Instant t = T0; !t.isAfter(T0.plus(Q.multipliedBy(INTERVALS))); t = t.plus(Duration.ofMinutes(5))) {
                if (t.equals(T0.plus(Q.multipliedBy(5)))) {
                    down.apply();
                } else if (t.equals(T0.plus(Q.multipliedBy(5)).plus(Duration.ofMinutes(10)))) {
                    up.apply();
                } else if (t.equals(T0.plus(Q.multipliedBy(10)).plus(Duration.ofMinutes(5)))) {
                    time.set(t.plus(Duration.ofMinutes(2)));
                    resetCounter.apply();
                }
                time.set(t);
                poller.pollOnce(t);
            }
            List<JsonNode> records = new ArrayList<>();
            for (long s = 1; s <= journal.lastSequence(); s++) {
                Envelope envelope = Envelope.parse(journal.read(s).orElseThrow().envelope());
                assertTrue(envelope.isSignedBy(key.publicKey()));
                records.add(envelope.record());
            }
            return records;
        }
    }

    private static void assertSameSeries(String meterId, List<JsonNode> columns) throws Exception {
        List<String> qualities = new ArrayList<>();
        List<EvidenceRecord> v2 = new ArrayList<>();
        List<EvidenceRecord> v1 = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            JsonNode record = columns.get(i);
            assertEquals(2, record.get("version").asInt(), record.toString());
            WireReadings.of(record).forEach(r -> qualities.add(r.get("quality").asString()));
            v2.add(evidence(record, i));
            ObjectNode rows = ((ObjectNode) record.deepCopy()).retain("kind", "meterId", "deviceId", "sequence");
            rows.putArray("readings").addAll(WireReadings.of(record));
            v1.add(evidence(rows, i));
        }
        assertTrue(qualities.contains("COMM_FAILURE"), qualities.toString());
        assertTrue(qualities.contains("SUSPECT"), qualities.toString());
        assertTrue(qualities.contains("GAP"), qualities.toString());
        MeterSeries fromColumns = new MeterSeries(meterId, v2);
        MeterSeries fromObjects = new MeterSeries(meterId, v1);
        int complete = 0;
        for (Instant hour = T0; hour.isBefore(T0.plus(Q.multipliedBy(INTERVALS))); hour = hour.plusSeconds(3600)) {
            assertEquals(values(fromObjects.hour(hour)), values(fromColumns.hour(hour)), "hour " + hour);
            assertEquals(fromObjects.isSuspect(hour), fromColumns.isSuspect(hour), "hour " + hour);
            complete += fromColumns.hour(hour).isEmpty() ? 0 : 1;
        }
        assertTrue(complete >= 2, "hours with every reading: " + complete);
    }

    private static EvidenceRecord evidence(JsonNode record, long leafIndex) {
        String leafHash = HexFormat.of().formatHex(Merkle.leafHash(record.toString().getBytes()));
        return new EvidenceRecord("meter-reading-batch", record, leafIndex, leafHash);
    }

    private static List<BigDecimal> values(List<EvidenceRef> refs) {
        return refs.stream().map(EvidenceRef::value).toList();
    }
}
