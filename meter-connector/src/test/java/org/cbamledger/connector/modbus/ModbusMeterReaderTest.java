package org.cbamledger.connector.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.cbamledger.connector.ManualTimeSource;
import org.cbamledger.connector.Ports;
import org.cbamledger.connector.config.ModbusDeviceConfig;
import org.cbamledger.connector.reading.MeterSample;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.DataType;
import org.cbamledger.connector.register.RegisterMap;
import org.cbamledger.connector.register.RegisterMaps;
import org.cbamledger.connector.register.RegisterSpec;
import org.cbamledger.connector.register.WordOrder;
import org.cbamledger.connector.sim.MeterProcessImage;
import org.cbamledger.connector.sim.ModbusMeterSimulator;
import org.cbamledger.connector.sim.SimulatedCounter;
import org.cbamledger.connector.sim.SimulatorFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reads simulated meters through a real j2mod Modbus TCP slave on loopback. */
class ModbusMeterReaderTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private final ManualTimeSource time = new ManualTimeSource(T0);
    private ModbusMeterSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private ModbusMeterReader serve(RegisterMap map, double counterKwh, int timeoutMillis) throws Exception {
        int port = Ports.free();
        SimulatedCounter counter = new SimulatedCounter(time, 400, counterKwh);
        SimulatorFaults faults = new SimulatorFaults();
        simulator = new ModbusMeterSimulator(InetAddress.getLoopbackAddress(), port,
                Map.of(7, new MeterProcessImage(map, counter, time, faults)), faults);
        simulator.start();
        return new ModbusMeterReader(new ModbusDeviceConfig("m1", "127.0.0.1", port, 7, map, timeoutMillis), time);
    }

    private static BigDecimal counter(MeterSample sample) {
        assertTrue(sample.succeeded(), sample.failure());
        return sample.counter().value();
    }

    @Test
    void janitzaUmg604_decodesFloatWhCounterAndPowerChannels() throws Exception {
        try (ModbusMeterReader reader = serve(RegisterMaps.load("janitza-umg604"), 12_345.5, 2000)) {
            MeterSample sample = reader.read(T0).getFirst();
            assertEquals(new BigDecimal("12345.5"), counter(sample));
            assertEquals("4b3c609c", sample.counter().rawHex()); // 12345500.0f
            BigDecimal powerKw = sample.channels().get(Channel.ACTIVE_POWER_KW).value();
            assertTrue(powerKw.compareTo(new BigDecimal("300")) > 0 && powerKw.compareTo(new BigDecimal("500")) < 0);
            assertNotNull(sample.channels().get(Channel.VOLTAGE_L1_V));
        }
    }

    @Test
    void siemensPac3200_decodesDoubleWhCounter() throws Exception {
        try (ModbusMeterReader reader = serve(RegisterMaps.load("siemens-pac3200"), 123_456.789, 2000)) {
            assertEquals(new BigDecimal("123456.789"), counter(reader.read(T0).getFirst()));
        }
    }

    @Test
    void generic_decodesUint32WhCounter() throws Exception {
        try (ModbusMeterReader reader = serve(RegisterMaps.load("generic"), 4_294_967.2, 2000)) {
            MeterSample sample = reader.read(T0).getFirst();
            assertEquals(new BigDecimal("4294967.2"), counter(sample));
            assertEquals("ffffffa0", sample.counter().rawHex());
        }
    }

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    void everyWordOrder_decodesInt32Int64AndFloat32Counters(WordOrder order) throws Exception {
        for (DataType type : new DataType[] {DataType.INT32, DataType.INT64, DataType.FLOAT32}) {
            BigDecimal scale = type == DataType.FLOAT32 ? BigDecimal.ONE : new BigDecimal("0.001");
            RegisterMap map = RegisterMaps.load("generic").withChannel(Channel.ACTIVE_ENERGY_IMPORT_KWH,
                    new RegisterSpec(100, type, order, scale, type == DataType.FLOAT32 ? "kWh" : "Wh", null));
            try (ModbusMeterReader reader = serve(map, 98_765.25, 2000)) {
                assertEquals(0, new BigDecimal("98765.25").compareTo(counter(reader.read(T0).getFirst())),
                        type + " " + order);
            } finally {
                simulator.close();
                simulator = null;
            }
        }
    }

    @Test
    void disconnectedDevice_givesAFailedSampleAndRecoversAfterReconnect() throws Exception {
        try (ModbusMeterReader reader = serve(RegisterMaps.load("generic"), 10, 500)) {
            assertTrue(reader.read(T0).getFirst().succeeded());
            simulator.disconnect();
            MeterSample failed = reader.read(T0.plusSeconds(60)).getFirst();
            assertFalse(failed.succeeded());
            assertTrue(failed.channels().isEmpty(), "no value, not even the last one");
            assertTrue(failed.failure().startsWith("Modbus read of 127.0.0.1:"), failed.failure());
            simulator.reconnect();
            time.set(T0.plusSeconds(120));
            assertTrue(reader.read(T0.plusSeconds(120)).getFirst().succeeded());
        }
    }

    @Test
    void slowDevice_beyondTheTimeoutIsAFailedSampleNotAStaleValue() throws Exception {
        try (ModbusMeterReader reader = serve(RegisterMaps.load("generic"), 10, 300)) {
            simulator.faults().setResponseDelay(Duration.ofMillis(800));
            MeterSample slow = reader.read(T0).getFirst();
            assertFalse(slow.succeeded());
            simulator.faults().setResponseDelay(Duration.ofMillis(100));
            assertTrue(reader.read(T0.plusSeconds(60)).getFirst().succeeded(), "a slow answer within the timeout is fine");
        }
    }
}
