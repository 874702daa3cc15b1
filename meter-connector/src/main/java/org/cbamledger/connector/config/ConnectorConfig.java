package org.cbamledger.connector.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything the field agent needs (see meter-connector/README.md for the file format).
 *
 * @param clockAcceleration 1 for real time; above 1 runs a simulated clock from {@code simulatedStart}
 */
public record ConnectorConfig(String deviceId, Path deviceKeyFile, URI ledgerUrl, String logId, String bearerToken,
        Path journalDir, long diskBoundBytes, long segmentBytes, Duration pollInterval, Duration intervalLength,
        Duration maxBackoff, List<ModbusDeviceConfig> modbus, List<OpcUaEndpointConfig> opcua,
        double clockAcceleration, Instant simulatedStart) {
    public ConnectorConfig {
        modbus = List.copyOf(modbus);
        opcua = List.copyOf(opcua);
    }
}
