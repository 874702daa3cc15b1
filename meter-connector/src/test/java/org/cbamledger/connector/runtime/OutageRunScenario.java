package org.cbamledger.connector.runtime;

import org.cbamledger.connector.WireReadings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.DelegatingTimeSource;
import org.cbamledger.connector.ManualTimeSource;
import org.cbamledger.connector.Ports;
import org.cbamledger.connector.batch.BatchSigner;
import org.cbamledger.connector.batch.MeterReadingBatch;
import org.cbamledger.connector.config.ConnectorConfig;
import org.cbamledger.connector.config.ModbusDeviceConfig;
import org.cbamledger.connector.reading.IntervalReading;
import org.cbamledger.connector.reading.Quality;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.RegisterCodec;
import org.cbamledger.connector.register.RegisterMap;
import org.cbamledger.connector.register.RegisterMaps;
import org.cbamledger.connector.register.RegisterSpec;
import org.cbamledger.connector.register.RegisterValue;
import org.cbamledger.connector.sim.MeterProcessImage;
import org.cbamledger.connector.sim.ModbusMeterSimulator;
import org.cbamledger.connector.sim.SimulatedCounter;
import org.cbamledger.connector.sim.SimulatorFaults;
import org.cbamledger.connector.time.AcceleratedTimeSource;
import org.cbamledger.signer.SigningKey;
import tools.jackson.databind.JsonNode;

/**
 * Simulator -> connector -> ledger in accelerated time, with a one-hour ledger outage and a
 * connector restart during it, then the checks the issue asks for. The ledger is reached by URL
 * and switched off and on through {@link Ledger}, so the same scenario runs against the loopback
 * endpoint (AcceleratedConnectorRunTest) and against the real service (RealLedgerOutageRunTest).
 * Two Modbus meters: generic (32-bit Wh counter that wraps during the run) and a PAC3200 (double).
 */
public final class OutageRunScenario {
    /** The ledger under test, as the scenario needs it. */
    public interface Ledger {
        URI url();

        void stop() throws Exception;

        void start() throws Exception;

        /** The meter-reading-batch records in the log, in log order. */
        List<JsonNode> records() throws Exception;
    }

    private final Instant start;
    private final Duration length;
    private final double factor;
    private final String logId;
    private final String bearerToken;

    /**
     * @param start a simulated time two minutes before a quarter hour (the first boundary is the baseline)
     * @param length how long to run; the outage starts three hours in, the restart 32 minutes later
     */
    public OutageRunScenario(Instant start, Duration length, double factor, String logId, String bearerToken) {
        this.start = start;
        this.length = length;
        this.factor = factor;
        this.logId = logId;
        this.bearerToken = bearerToken;
    }

    /** Runs the scenario and checks it; returns the number of intervals checked per meter. */
    public int runAndCheck(Ledger ledger, SigningKey deviceKey, Path dir) throws Exception {
        DelegatingTimeSource time = new DelegatingTimeSource(new ManualTimeSource(start));
        RegisterMap generic = RegisterMaps.load("generic");
        RegisterMap pac = RegisterMaps.load("siemens-pac3200");
        SimulatorFaults faults = new SimulatorFaults();
        int modbusPort = Ports.free();
        Map<Integer, MeterProcessImage> units = new LinkedHashMap<>();
        // 150 kW from ~430 kWh below the wrap: the 32-bit Wh counter rolls over about three hours in
        units.put(1, new MeterProcessImage(generic, new SimulatedCounter(time, 150, 4_294_540), time, faults));
        units.put(2, new MeterProcessImage(pac, new SimulatedCounter(time, 250, 123_456.789), time, faults));
        Instant firstBoundary = start.plus(Duration.ofMinutes(2));
        Instant outage = firstBoundary.plus(Duration.ofHours(3));
        Instant end = firstBoundary.plus(length);
        try (ModbusMeterSimulator simulator = new ModbusMeterSimulator(InetAddress.getLoopbackAddress(), modbusPort,
                units, faults)) {
            simulator.start();
            ConnectorConfig config = new ConnectorConfig("gw-belgrade-1", dir.resolve("key.pem"), ledger.url(), logId,
                    bearerToken, dir.resolve("journal"), 4L << 20, 256 * 1024, Duration.ofMinutes(15),
                    Duration.ofMinutes(15), Duration.ofMillis(50),
                    List.of(new ModbusDeviceConfig("line-1", "127.0.0.1", modbusPort, 1, generic, 1000),
                            new ModbusDeviceConfig("furnace-2", "127.0.0.1", modbusPort, 2, pac, 1000)),
                    List.of(), factor, start);
            warmUp(deviceKey);
            ConnectorRuntime runtime = new ConnectorRuntime(config, deviceKey, time);
            try {
                time.switchTo(AcceleratedTimeSource.startingNow(start, factor));
                runtime.start();
                time.sleepUntil(outage);
                ledger.stop();
                // restart two simulated minutes after a boundary, well before the next one
                time.sleepUntil(outage.plus(Duration.ofMinutes(32)));
                runtime.close();
                runtime = new ConnectorRuntime(config, deviceKey, time);
                runtime.start();
                time.sleepUntil(outage.plus(Duration.ofHours(1)));
                assertTrue(runtime.journal().pendingBatches() >= 6,
                        "batches wait in the journal during the outage: " + runtime.journal().pendingBatches());
                ledger.start();
                time.sleepUntil(end.plus(Duration.ofMinutes(1)));
                assertTrue(runtime.forwarder().acceptedBatchRequests() >= 1,
                        "the backlog after the outage went through /entries/batch");
            } finally {
                runtime.close();
            }
            runtime = new ConnectorRuntime(config, deviceKey, time);
            try {
                assertTrue(runtime.forwarder().drain(Duration.ofSeconds(30)), "everything acknowledged");
            } finally {
                runtime.close();
            }
        }
        List<JsonNode> records = ledger.records();
        for (int i = 0; i < records.size(); i++) {
            assertEquals(i, records.get(i).get("sequence").asLong(), "device sequence has no gaps or repeats");
        }
        int intervals = (int) (Duration.between(firstBoundary, end).toMinutes() / 15);
        assertEquals(1, checkMeter("line-1", generic.spec(Channel.ACTIVE_ENERGY_IMPORT_KWH), records, firstBoundary,
                intervals), "the 32-bit counter wrapped once, flagged");
        assertEquals(0, checkMeter("furnace-2", pac.spec(Channel.ACTIVE_ENERGY_IMPORT_KWH), records, firstBoundary,
                intervals));
        return intervals;
    }

    /** Loads schema validation and signing once, so the first simulated minutes are not spent on class loading. */
    private void warmUp(SigningKey key) throws Exception {
        RegisterValue end = new RegisterValue(BigDecimal.TEN, new int[] {0, 10}, new BigDecimal("0.001"));
        IntervalReading reading = new IntervalReading("warm-up", start, start.plus(Duration.ofMinutes(15)),
                BigDecimal.ONE, Quality.GOOD, null, end, Map.of(), null);
        new BatchSigner(key).sign(new MeterReadingBatch("warm-up", "gw", 0, List.of(reading)));
    }

    /**
     * Every interval from the first boundary on exactly once, contiguous, GOOD or SUSPECT (a wrap),
     * each energy equal to the decoded counter difference, so the sum is the counter's difference.
     *
     * @return how many intervals were flagged SUSPECT
     */
    private static int checkMeter(String meterId, RegisterSpec spec, List<JsonNode> records, Instant firstBoundary,
            int intervals) {
        List<JsonNode> readings = new ArrayList<>();
        for (JsonNode r : records) {
            if (r.get("meterId").asString().equals(meterId)) {
                readings.addAll(WireReadings.of(r));
            }
        }
        assertEquals(intervals, readings.size(), meterId + " intervals");
        Instant expectedStart = firstBoundary;
        int suspect = 0;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal firstEnd = null;
        BigDecimal previousEnd = null;
        BigDecimal wraps = BigDecimal.ZERO;
        for (JsonNode reading : readings) {
            assertEquals(expectedStart.toString(), reading.get("intervalStart").asString(), meterId);
            expectedStart = expectedStart.plus(Duration.ofMinutes(15));
            String quality = reading.get("quality").asString();
            assertTrue(quality.equals("GOOD") || quality.equals("SUSPECT"), meterId + " " + reading);
            suspect += quality.equals("SUSPECT") ? 1 : 0;
            BigDecimal energy = new BigDecimal(reading.get("energyKwh").asString());
            BigDecimal endCounter = decode(spec, reading.get("rawRegisterValue").asString());
            if (previousEnd != null) {
                BigDecimal delta = endCounter.subtract(previousEnd);
                if (delta.signum() < 0) {
                    assertEquals("SUSPECT", quality, "a wrap is flagged");
                    delta = delta.add(spec.rolloverScaled());
                    wraps = wraps.add(spec.rolloverScaled());
                }
                assertEquals(0, delta.compareTo(energy), meterId + " at " + reading.get("intervalStart"));
                sum = sum.add(energy);
            } else {
                firstEnd = endCounter;
            }
            previousEnd = endCounter;
        }
        // to the Wh: the sum over intervals 2..n is the counter's difference (plus whole wraps)
        assertEquals(0, previousEnd.add(wraps).subtract(firstEnd).compareTo(sum), meterId + " sum");
        return suspect;
    }

    private static BigDecimal decode(RegisterSpec spec, String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        int[] words = new int[bytes.length / 2];
        for (int i = 0; i < words.length; i++) {
            words[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        return RegisterCodec.decode(spec, words).value();
    }
}
