package org.cbamledger.connector.sim;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.net.InetAddress;
import java.util.Map;

/**
 * A j2mod Modbus TCP slave serving simulated meters, one unit id each. {@link #disconnect()} closes
 * the listening socket and its connections (the gateway drops off the network); while it is down,
 * any connection that survives gets exception answers.
 */
public final class ModbusMeterSimulator implements AutoCloseable {
    private final InetAddress bindAddress;
    private final int port;
    private final Map<Integer, MeterProcessImage> units;
    private final SimulatorFaults faults;
    private ModbusSlave slave;

    public ModbusMeterSimulator(InetAddress bindAddress, int port, Map<Integer, MeterProcessImage> units,
            SimulatorFaults faults) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.units = Map.copyOf(units);
        this.faults = faults;
    }

    public synchronized void start() throws ModbusException {
        if (slave != null) {
            return;
        }
        ModbusSlave created = ModbusSlaveFactory.createTCPSlave(bindAddress, port, 8, false, 0);
        units.forEach(created::addProcessImage);
        created.open();
        slave = created;
    }

    public synchronized void disconnect() {
        faults.setOffline(true);
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }

    public synchronized void reconnect() throws ModbusException {
        faults.setOffline(false);
        start();
    }

    public SimulatorFaults faults() {
        return faults;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }
}
