package org.cbamledger.connector.modbus;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.config.ModbusDeviceConfig;
import org.cbamledger.connector.reading.MeterReader;
import org.cbamledger.connector.reading.MeterSample;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.RegisterCodec;
import org.cbamledger.connector.register.RegisterMap;
import org.cbamledger.connector.register.RegisterSpec;
import org.cbamledger.connector.register.RegisterValue;
import org.cbamledger.connector.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one Modbus TCP meter with j2mod. Every poll is a fresh request; a failed request is a failed
 * sample (OpenEMS's MODBUS_COMMUNICATION_FAILED), never the previous value again.
 */
public final class ModbusMeterReader implements MeterReader {
    private static final Logger LOG = LoggerFactory.getLogger(ModbusMeterReader.class);

    private final ModbusDeviceConfig device;
    private final TimeSource time;
    private ModbusTCPMaster master;

    public ModbusMeterReader(ModbusDeviceConfig device, TimeSource time) {
        this.device = device;
        this.time = time;
    }

    @Override
    public synchronized List<MeterSample> read(Instant scheduledAt) {
        RegisterMap map = device.registerMap();
        try {
            connect();
            Map<Channel, RegisterValue> values = new EnumMap<>(Channel.class);
            values.put(Channel.ACTIVE_ENERGY_IMPORT_KWH, readChannel(map, map.spec(Channel.ACTIVE_ENERGY_IMPORT_KWH)));
            for (Map.Entry<Channel, RegisterSpec> e : map.channels().entrySet()) {
                if (!e.getKey().isCounter()) {
                    try {
                        values.put(e.getKey(), readChannel(map, e.getValue()));
                    } catch (Exception optional) {
                        LOG.debug("meter {}: optional channel {} not read: {}", device.meterId(), e.getKey(), optional.toString());
                    }
                }
            }
            return List.of(MeterSample.ok(device.meterId(), scheduledAt, time.now(), values));
        } catch (Exception e) {
            disconnect();
            String failure = "Modbus read of " + device.host() + ":" + device.port() + " unit " + device.unitId()
                    + " failed: " + e.getMessage();
            LOG.warn("meter {}: {}", device.meterId(), failure);
            return List.of(MeterSample.failed(device.meterId(), scheduledAt, time.now(), failure));
        }
    }

    private RegisterValue readChannel(RegisterMap map, RegisterSpec spec) throws Exception {
        int count = spec.type().words();
        InputRegister[] registers = map.functionCode() == 4
                ? master.readInputRegisters(device.unitId(), spec.address(), count)
                : master.readMultipleRegisters(device.unitId(), spec.address(), count);
        if (registers == null || registers.length != count) {
            throw new IllegalStateException("expected " + count + " registers at " + spec.address());
        }
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = registers[i].getValue() & 0xffff;
        }
        return RegisterCodec.decode(spec, words);
    }

    private void connect() throws Exception {
        if (master == null) {
            master = new ModbusTCPMaster(device.host(), device.port(), device.timeoutMillis(), false);
        }
        if (!master.isConnected()) {
            master.connect();
            master.setRetries(1); // j2mod treats 0 as its default of 5 tries
        }
    }

    private void disconnect() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }

    @Override
    public BigDecimal rolloverKwh(String meterId) {
        return device.registerMap().spec(Channel.ACTIVE_ENERGY_IMPORT_KWH).rolloverScaled();
    }

    @Override
    public List<String> meterIds() {
        return List.of(device.meterId());
    }

    @Override
    public synchronized void close() {
        disconnect();
    }
}
