package org.cbamledger.connector.runtime;

import org.cbamledger.connector.WireReadings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.ManualTimeSource;
import org.cbamledger.connector.Ports;
import org.cbamledger.connector.batch.BatchSigner;
import org.cbamledger.connector.config.ModbusDeviceConfig;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.connector.modbus.ModbusMeterReader;
import org.cbamledger.connector.register.RegisterMap;
import org.cbamledger.connector.register.RegisterMaps;
import org.cbamledger.connector.sim.MeterProcessImage;
import org.cbamledger.connector.sim.ModbusMeterSimulator;
import org.cbamledger.connector.sim.SimulatedCounter;
import org.cbamledger.connector.sim.SimulatorFaults;
import org.cbamledger.connector.time.IntervalGrid;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Polls a real j2mod slave step by step and checks the signed batches the journal holds. */
class FlaggedIntervalsTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final Duration Q = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private final ManualTimeSource time = new ManualTimeSource(T0);
    private final SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
    private ModbusMeterSimulator simulator;
    private SimulatedCounter counter;
    private Journal journal;
    private Poller poller;

    @BeforeEach
    void start() throws Exception {
        RegisterMap generic = RegisterMaps.load("generic");
        int port = Ports.free();
        SimulatorFaults faults = new SimulatorFaults();
        counter = new SimulatedCounter(time, 200, 4_294_900);
        simulator = new ModbusMeterSimulator(InetAddress.getLoopbackAddress(), port,
                Map.of(1, new MeterProcessImage(generic, counter, time, faults)), faults);
        simulator.start();
        journal = Journal.open(dir, 1 << 20, 64 * 1024);
        ModbusMeterReader reader = new ModbusMeterReader(
                new ModbusDeviceConfig("line-1", "127.0.0.1", port, 1, generic, 500), time);
        BatchPublisher publisher = new BatchPublisher("gw-1", new IntervalGrid(Q), journal, new BatchSigner(key),
                Map.of("line-1", reader.rolloverKwh("line-1")), () -> { });
        poller = new Poller(reader, new IntervalGrid(Duration.ofMinutes(5)), time, publisher);
    }

    @AfterEach
    void stop() throws Exception {
        simulator.close();
        journal.close();
    }

    private void pollAt(Duration sinceStart) {
        time.set(T0.plus(sinceStart));
        poller.pollOnce(T0.plus(sinceStart));
    }

    private List<JsonNode> readings() throws Exception {
        List<JsonNode> readings = new ArrayList<>();
        for (long s = 1; s <= journal.lastSequence(); s++) {
            Envelope envelope = Envelope.parse(journal.read(s).orElseThrow().envelope());
            assertTrue(envelope.isSignedBy(key.publicKey()));
            JsonNode record = envelope.record();
            assertEquals(s - 1, record.get("sequence").asLong());
            assertEquals(2, record.get("version").asInt(), "a columnar batch: " + record);
            readings.addAll(WireReadings.of(record));
        }
        return readings;
    }

    @Test
    void disconnect_givesCommFailureThenAMeasuredSpanFlaggedSuspect() throws Exception {
        pollAt(Duration.ZERO);
        pollAt(Q);
        simulator.disconnect();
        pollAt(Q.multipliedBy(2));
        pollAt(Q.multipliedBy(2).plusMinutes(5));
        simulator.reconnect();
        pollAt(Q.multipliedBy(3));
        List<JsonNode> r = readings();
        assertEquals(3, r.size());
        assertEquals("GOOD", r.get(0).get("quality").asString());
        assertEquals("COMM_FAILURE", r.get(1).get("quality").asString());
        assertTrue(r.get(1).get("energyKwh").isNull());
        assertTrue(r.get(1).get("rawRegisterValue").isNull());
        assertEquals("SUSPECT", r.get(2).get("quality").asString());
        assertEquals(T0.plus(Q).toString(), r.get(2).get("intervalStart").asString());
        assertEquals(T0.plus(Q.multipliedBy(3)).toString(), r.get(2).get("intervalEnd").asString());
        BigDecimal expected = BigDecimal.valueOf(counter.valueAt(T0.plus(Q.multipliedBy(3)))
                - counter.valueAt(T0.plus(Q))).setScale(0, java.math.RoundingMode.HALF_UP);
        assertEquals(0, expected.compareTo(new BigDecimal(r.get(2).get("energyKwh").asString())
                .setScale(0, java.math.RoundingMode.HALF_UP)));
    }

    @Test
    void counterWrap_isMeasuredAcrossTheWrapAndFlaggedSuspect() throws Exception {
        for (int i = 0; i <= 4; i++) {
            pollAt(Q.multipliedBy(i)); // 200 kW wraps the 2^32 Wh counter within the hour
        }
        List<JsonNode> r = readings();
        assertEquals(4, r.size());
        long suspect = r.stream().filter(x -> x.get("quality").asString().equals("SUSPECT")).count();
        assertEquals(1, suspect);
        BigDecimal sum = r.stream().map(x -> new BigDecimal(x.get("energyKwh").asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        double expected = counter.valueAt(T0.plus(Q.multipliedBy(4))) - counter.valueAt(T0);
        assertEquals(expected, sum.doubleValue(), 0.002);
    }

    @Test
    void meterReset_givesAGapIntervalWithoutEnergyAndCountingResumes() throws Exception {
        counter.set(1000); // far from the wrap, so a drop cannot be a rollover
        pollAt(Duration.ZERO);
        pollAt(Q);
        time.set(T0.plus(Q).plus(Duration.ofMinutes(7)));
        counter.reset();
        pollAt(Q.multipliedBy(2));
        pollAt(Q.multipliedBy(3));
        List<JsonNode> r = readings();
        assertEquals(List.of("GOOD", "GAP", "GOOD"), r.stream().map(x -> x.get("quality").asString()).toList());
        assertTrue(r.get(1).get("energyKwh").isNull());
        assertTrue(new BigDecimal(r.get(2).get("energyKwh").asString()).compareTo(new BigDecimal("40")) > 0);
    }
}
