package org.cbamledger.connector.sim;

import com.ghgande.j2mod.modbus.procimg.DigitalIn;
import com.ghgande.j2mod.modbus.procimg.DigitalOut;
import com.ghgande.j2mod.modbus.procimg.FIFO;
import com.ghgande.j2mod.modbus.procimg.File;
import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.ProcessImage;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.RegisterCodec;
import org.cbamledger.connector.register.RegisterMap;
import org.cbamledger.connector.register.RegisterSpec;
import org.cbamledger.connector.time.TimeSource;

/**
 * The registers of one simulated meter, computed at the moment they are read from the counter
 * model and encoded with the model's register map (the same map the connector decodes with).
 */
public final class MeterProcessImage implements ProcessImage {
    private final RegisterMap map;
    private final SimulatedCounter energyKwh;
    private final TimeSource time;
    private final SimulatorFaults faults;

    public MeterProcessImage(RegisterMap map, SimulatedCounter energyKwh, TimeSource time, SimulatorFaults faults) {
        this.map = map;
        this.energyKwh = energyKwh;
        this.time = time;
        this.faults = faults;
    }

    /** Register words by address, as the meter would answer right now. */
    public Map<Integer, Integer> snapshot(Instant t) {
        Map<Integer, Integer> words = new HashMap<>();
        for (Map.Entry<Channel, RegisterSpec> e : map.channels().entrySet()) {
            RegisterSpec spec = e.getValue();
            int[] encoded = RegisterCodec.encode(spec, value(e.getKey(), spec, t));
            for (int i = 0; i < encoded.length; i++) {
                words.put(spec.address() + i, encoded[i]);
            }
        }
        return words;
    }

    private BigDecimal value(Channel channel, RegisterSpec spec, Instant t) {
        double power = energyKwh.rateAt(t);
        return switch (channel) {
            case ACTIVE_ENERGY_IMPORT_KWH -> {
                BigDecimal kwh = BigDecimal.valueOf(energyKwh.valueAt(t));
                BigDecimal rollover = spec.rolloverScaled();
                yield rollover == null ? kwh : kwh.remainder(rollover);
            }
            case ACTIVE_POWER_KW -> BigDecimal.valueOf(power);
            case REACTIVE_POWER_KVAR -> BigDecimal.valueOf(0.3 * power);
            case VOLTAGE_L1_V -> BigDecimal.valueOf(230 + 2 * Math.sin(power));
        };
    }

    @Override
    public Register[] getRegisterRange(int offset, int count) {
        if (faults.offline()) {
            throw new IllegalAddressException("device offline");
        }
        Duration delay = faults.responseDelay();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<Integer, Integer> words = snapshot(time.now());
        Register[] registers = new Register[count];
        for (int i = 0; i < count; i++) {
            Integer word = words.get(offset + i);
            if (word == null) {
                throw new IllegalAddressException("register " + (offset + i) + " is not mapped in " + map.model());
            }
            registers[i] = new SimpleRegister(word);
        }
        return registers;
    }

    @Override
    public Register getRegister(int ref) {
        return getRegisterRange(ref, 1)[0];
    }

    @Override
    public int getRegisterCount() {
        return 65_536;
    }

    @Override
    public InputRegister[] getInputRegisterRange(int offset, int count) {
        return getRegisterRange(offset, count);
    }

    @Override
    public InputRegister getInputRegister(int ref) {
        return getRegister(ref);
    }

    @Override
    public int getInputRegisterCount() {
        return 65_536;
    }

    @Override
    public DigitalOut[] getDigitalOutRange(int offset, int count) {
        throw new IllegalAddressException("no coils");
    }

    @Override
    public DigitalOut getDigitalOut(int ref) {
        throw new IllegalAddressException("no coils");
    }

    @Override
    public int getDigitalOutCount() {
        return 0;
    }

    @Override
    public DigitalIn[] getDigitalInRange(int offset, int count) {
        throw new IllegalAddressException("no discrete inputs");
    }

    @Override
    public DigitalIn getDigitalIn(int ref) {
        throw new IllegalAddressException("no discrete inputs");
    }

    @Override
    public int getDigitalInCount() {
        return 0;
    }

    @Override
    public File getFile(int ref) {
        throw new IllegalAddressException("no files");
    }

    @Override
    public File getFileByNumber(int ref) {
        throw new IllegalAddressException("no files");
    }

    @Override
    public int getFileCount() {
        return 0;
    }

    @Override
    public FIFO getFIFO(int ref) {
        throw new IllegalAddressException("no FIFOs");
    }

    @Override
    public FIFO getFIFOByAddress(int ref) {
        throw new IllegalAddressException("no FIFOs");
    }

    @Override
    public int getFIFOCount() {
        return 0;
    }
}
