package org.cbamledger.connector.runtime;

import org.cbamledger.connector.WireReadings;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.DelegatingTimeSource;
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
import org.cbamledger.connector.time.AcceleratedTimeSource;
import org.cbamledger.connector.time.IntervalGrid;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollerTest {
    private static final Instant START = Instant.parse("2026-01-05T00:58:00Z");

    @TempDir
    Path dir;

    @Test
    void pollsSkippedBehindASlowDevice_areFlaggedNotLeftOut() throws Exception {
        DelegatingTimeSource time = new DelegatingTimeSource(new ManualTimeSource(START));
        RegisterMap generic = RegisterMaps.load("generic");
        SimulatorFaults faults = new SimulatorFaults();
        int port = Ports.free();
        try (ModbusMeterSimulator simulator = new ModbusMeterSimulator(InetAddress.getLoopbackAddress(), port,
                Map.of(1, new MeterProcessImage(generic, new SimulatedCounter(time, 100, 10), time, faults)), faults);
                Journal journal = Journal.open(dir, 1 << 20, 64 * 1024)) {
            simulator.start();
            BatchPublisher publisher = new BatchPublisher("gw-1", new IntervalGrid(Duration.ofMinutes(15)), journal,
                    new BatchSigner(SigningKey.generate(KeyAlgorithm.ED25519)), Map.of("line-1",
                            generic.spec(org.cbamledger.connector.register.Channel.ACTIVE_ENERGY_IMPORT_KWH)
                                    .rolloverScaled()), () -> { });
            Poller poller = new Poller(new ModbusMeterReader(new ModbusDeviceConfig("line-1", "127.0.0.1", port, 1,
                    generic, 3000), time), new IntervalGrid(Duration.ofMinutes(5)), time, publisher);
            time.switchTo(AcceleratedTimeSource.startingNow(START, 600)); // 5 simulated minutes = 0.5 s
            Thread thread = Thread.ofPlatform().start(poller);
            try {
                time.sleepUntil(Instant.parse("2026-01-05T01:16:00Z"));
                faults.setResponseDelay(Duration.ofMillis(2500)); // one read now takes 25 simulated minutes
                time.sleepUntil(Instant.parse("2026-01-05T01:44:00Z"));
                faults.setResponseDelay(Duration.ZERO);
                time.sleepUntil(Instant.parse("2026-01-05T02:16:00Z"));
            } finally {
                poller.stop();
                thread.join(10_000);
            }
            List<String> qualities = new ArrayList<>();
            for (long s = 1; s <= journal.lastSequence(); s++) {
                var reading = WireReadings.of(Envelope.parse(journal.read(s).orElseThrow().envelope()).record()).getFirst();
                qualities.add(reading.get("intervalEnd").asString() + " " + reading.get("quality").asString());
            }
            assertTrue(qualities.contains("2026-01-05T01:30:00Z COMM_FAILURE"), qualities.toString());
            assertTrue(qualities.contains("2026-01-05T02:15:00Z GOOD"), qualities.toString());
        }
    }
}
