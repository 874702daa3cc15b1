package org.cbamledger.connector.sim;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.cbamledger.connector.register.RegisterMapException;
import org.cbamledger.connector.register.RegisterMaps;
import org.cbamledger.connector.time.TimeSource;

/**
 * The standard plant the simulator serves: three Modbus meters (unit 1 Janitza UMG 604, unit 2
 * Siemens PAC3200, unit 3 generic 32-bit Wh counter set to wrap after a few hours) and SCADA
 * counters over OPC UA (energy, gas-flow totaliser, production counter).
 */
public final class MeterSimulation implements AutoCloseable {
    public static final String OPC_ENERGY = "Plant/Line1/EnergyCounterKwh";
    public static final String OPC_GAS = "Plant/Boiler1/GasFlowTotaliserNm3";
    public static final String OPC_PRODUCTION = "Plant/Press1/ProductionCounter";

    private final Map<Integer, SimulatedCounter> modbusCounters = new LinkedHashMap<>();
    private final SimulatorFaults modbusFaults = new SimulatorFaults();
    private final SimulatorFaults opcUaFaults = new SimulatorFaults();
    private final ModbusMeterSimulator modbus;
    private final OpcUaScadaSimulator opcUa;
    private final SimulatedCounter opcEnergy;

    public MeterSimulation(String host, int modbusPort, int opcUaPort, TimeSource time)
            throws RegisterMapException, Exception {
        modbusCounters.put(1, new SimulatedCounter(time, 400, 1_000));
        modbusCounters.put(2, new SimulatedCounter(time, 250, 123_456));
        // 2^32 Wh = 4,294,967.296 kWh: starting ~970 kWh below the wrap, it rolls over after a few hours.
        modbusCounters.put(3, new SimulatedCounter(time, 150, 4_294_000));
        Map<Integer, MeterProcessImage> units = new LinkedHashMap<>();
        units.put(1, new MeterProcessImage(RegisterMaps.load("janitza-umg604"), modbusCounters.get(1), time, modbusFaults));
        units.put(2, new MeterProcessImage(RegisterMaps.load("siemens-pac3200"), modbusCounters.get(2), time, modbusFaults));
        units.put(3, new MeterProcessImage(RegisterMaps.load("generic"), modbusCounters.get(3), time, modbusFaults));
        modbus = new ModbusMeterSimulator(InetAddress.getByName(host), modbusPort, units, modbusFaults);
        opcEnergy = new SimulatedCounter(time, 300, 50_000);
        SimulatedCounter gas = new SimulatedCounter(time, 120, 8_000);
        SimulatedCounter production = new SimulatedCounter(time, 40, 0);
        Map<String, Supplier<Object>> variables = new LinkedHashMap<>();
        variables.put(OPC_ENERGY, opcEnergy::value);
        variables.put(OPC_GAS, gas::value);
        variables.put(OPC_PRODUCTION, () -> (long) Math.floor(production.value()));
        opcUa = new OpcUaScadaSimulator(host, opcUaPort, variables, opcUaFaults, Duration.ZERO);
    }

    public MeterSimulation start() throws Exception {
        modbus.start();
        opcUa.start();
        return this;
    }

    public SimulatedCounter modbusCounter(int unitId) {
        return modbusCounters.get(unitId);
    }

    public SimulatedCounter opcUaEnergy() {
        return opcEnergy;
    }

    public ModbusMeterSimulator modbus() {
        return modbus;
    }

    public OpcUaScadaSimulator opcUa() {
        return opcUa;
    }

    public SimulatorFaults opcUaFaults() {
        return opcUaFaults;
    }

    @Override
    public void close() throws Exception {
        modbus.close();
        opcUa.close();
    }
}
