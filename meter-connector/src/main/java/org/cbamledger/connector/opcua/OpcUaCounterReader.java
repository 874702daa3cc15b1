package org.cbamledger.connector.opcua;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.config.OpcUaEndpointConfig;
import org.cbamledger.connector.config.OpcUaNodeConfig;
import org.cbamledger.connector.reading.MeterReader;
import org.cbamledger.connector.reading.MeterSample;
import org.cbamledger.connector.register.Channel;
import org.cbamledger.connector.register.RegisterCodec;
import org.cbamledger.connector.register.RegisterValue;
import org.cbamledger.connector.time.TimeSource;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads cumulative counters (energy, gas-flow totaliser, production counter) from an OPC UA
 * server with the Milo client. A value is fresh only when its status is Good and its source
 * timestamp is recent; anything else is a failed sample, never the old value again.
 */
public final class OpcUaCounterReader implements MeterReader {
    private static final Logger LOG = LoggerFactory.getLogger(OpcUaCounterReader.class);

    private final OpcUaEndpointConfig endpoint;
    private final TimeSource time;
    private OpcUaClient client;

    public OpcUaCounterReader(OpcUaEndpointConfig endpoint, TimeSource time) {
        this.endpoint = endpoint;
        this.time = time;
    }

    @Override
    public synchronized List<MeterSample> read(Instant scheduledAt) {
        List<MeterSample> samples = new ArrayList<>();
        List<DataValue> values;
        try {
            connect();
            List<NodeId> nodeIds = endpoint.nodes().stream().map(n -> NodeId.parse(n.nodeId())).toList();
            values = client.readValues(0.0, TimestampsToReturn.Both, nodeIds);
        } catch (Exception e) {
            disconnect();
            String failure = "OPC UA read from " + endpoint.endpointUrl() + " failed: " + e.getMessage();
            LOG.warn("{}", failure);
            for (OpcUaNodeConfig node : endpoint.nodes()) {
                samples.add(MeterSample.failed(node.meterId(), scheduledAt, time.now(), failure));
            }
            return samples;
        }
        for (int i = 0; i < endpoint.nodes().size(); i++) {
            samples.add(sample(endpoint.nodes().get(i), values.get(i), scheduledAt));
        }
        return samples;
    }

    private MeterSample sample(OpcUaNodeConfig node, DataValue value, Instant scheduledAt) {
        Instant readAt = time.now();
        if (!value.getStatusCode().isGood()) {
            return MeterSample.failed(node.meterId(), scheduledAt, readAt,
                    "node " + node.nodeId() + " status " + value.getStatusCode());
        }
        DateTime source = value.getSourceTime();
        DateTime server = value.getServerTime();
        if (source != null && server != null) {
            Duration age = Duration.between(source.getJavaInstant(), server.getJavaInstant());
            if (age.compareTo(endpoint.maxSourceAge()) > 0) {
                return MeterSample.failed(node.meterId(), scheduledAt, readAt, "node " + node.nodeId()
                        + " value is stale: source timestamp " + source.getJavaInstant() + " is " + age.toSeconds()
                        + " s older than the server time");
            }
        }
        Object raw = value.getValue().value();
        if (!(raw instanceof Number number)) {
            return MeterSample.failed(node.meterId(), scheduledAt, readAt,
                    "node " + node.nodeId() + " is not numeric: " + raw);
        }
        RegisterValue counter = new RegisterValue(RegisterCodec.toMaxDecimals(decimal(number).multiply(node.scale())),
                words(number), node.scale());
        return MeterSample.ok(node.meterId(), scheduledAt, readAt, Map.of(Channel.ACTIVE_ENERGY_IMPORT_KWH, counter));
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof Double d) {
            return new BigDecimal(Double.toString(d));
        }
        if (number instanceof Float f) {
            return new BigDecimal(Float.toString(f));
        }
        return new BigDecimal(number.toString());
    }

    /** The value's binary form as 16-bit words (big-endian), kept as evidence like Modbus registers. */
    private static int[] words(Number number) {
        ByteBuffer buffer;
        if (number instanceof Double d) {
            buffer = ByteBuffer.allocate(8).putDouble(d);
        } else if (number instanceof Float f) {
            buffer = ByteBuffer.allocate(4).putFloat(f);
        } else {
            buffer = ByteBuffer.allocate(8).putLong(number.longValue());
        }
        byte[] bytes = buffer.array();
        int[] words = new int[bytes.length / 2];
        for (int i = 0; i < words.length; i++) {
            words[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        return words;
    }

    private void connect() throws Exception {
        if (client == null) {
            OpcUaClient created = OpcUaClientFactory.create(endpoint);
            created.connect();
            client = created;
        }
    }

    private void disconnect() {
        if (client != null) {
            try {
                client.disconnect();
            } catch (Exception e) {
                LOG.debug("OPC UA disconnect from {} failed: {}", endpoint.endpointUrl(), e.toString());
            }
            client = null;
        }
    }

    @Override
    public BigDecimal rolloverKwh(String meterId) {
        return endpoint.nodes().stream().filter(n -> n.meterId().equals(meterId)).findFirst()
                .map(OpcUaNodeConfig::rolloverKwh).orElse(null);
    }

    @Override
    public List<String> meterIds() {
        return endpoint.nodes().stream().map(OpcUaNodeConfig::meterId).toList();
    }

    @Override
    public synchronized void close() {
        disconnect();
    }
}
