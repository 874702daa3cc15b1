package org.cbamledger.connector.reading;

import java.time.Instant;
import java.util.List;

/** A source of meter samples (a Modbus device, an OPC UA server). Failures come back as failed samples. */
public interface MeterReader extends AutoCloseable {
    List<MeterSample> read(Instant scheduledAt);

    /** Where the counter wraps, per meter, or null if it never does. */
    java.math.BigDecimal rolloverKwh(String meterId);

    List<String> meterIds();

    @Override
    void close();
}
