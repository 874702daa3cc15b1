package org.cbamledger.connector.config;

import org.cbamledger.connector.register.RegisterMap;

/** A Modbus TCP meter: one unit id behind one host and port, read with its model's register map. */
public record ModbusDeviceConfig(String meterId, String host, int port, int unitId, RegisterMap registerMap,
        int timeoutMillis) {}
