package org.cbamledger.connector.runtime;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.batch.BatchSigner;
import org.cbamledger.connector.config.ConnectorConfig;
import org.cbamledger.connector.config.ModbusDeviceConfig;
import org.cbamledger.connector.config.OpcUaEndpointConfig;
import org.cbamledger.connector.forward.Backoff;
import org.cbamledger.connector.forward.Forwarder;
import org.cbamledger.connector.forward.LedgerClient;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.connector.journal.JournalException;
import org.cbamledger.connector.modbus.ModbusMeterReader;
import org.cbamledger.connector.opcua.OpcUaCounterReader;
import org.cbamledger.connector.reading.MeterReader;
import org.cbamledger.connector.time.IntervalGrid;
import org.cbamledger.connector.time.TimeSource;
import org.cbamledger.signer.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires readers, pollers, the publisher, the journal and the forwarder; one per running connector. */
public final class ConnectorRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRuntime.class);

    private final Journal journal;
    private final Forwarder forwarder;
    private final BatchPublisher publisher;
    private final List<Poller> pollers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final StatusWriter status;
    private final TimeSource time;
    private boolean closed;

    public ConnectorRuntime(ConnectorConfig config, SigningKey deviceKey, TimeSource time) throws JournalException {
        this.time = time;
        this.journal = Journal.open(config.journalDir(), config.diskBoundBytes(), config.segmentBytes());
        try {
            LedgerClient ledger = new LedgerClient(config.ledgerUrl(), config.logId(), config.bearerToken(),
                    Duration.ofSeconds(10));
            this.forwarder = new Forwarder(journal, ledger, new Backoff(Duration.ofMillis(100), config.maxBackoff()),
                    Forwarder.BACKLOG_BATCH_ENTRIES);
            List<MeterReader> readers = new ArrayList<>();
            for (ModbusDeviceConfig device : config.modbus()) {
                readers.add(new ModbusMeterReader(device, time));
            }
            for (OpcUaEndpointConfig endpoint : config.opcua()) {
                readers.add(new OpcUaCounterReader(endpoint, time));
            }
            Map<String, BigDecimal> rollovers = new HashMap<>();
            for (MeterReader reader : readers) {
                for (String meterId : reader.meterIds()) {
                    rollovers.put(meterId, reader.rolloverKwh(meterId));
                }
            }
            this.publisher = new BatchPublisher(config.deviceId(), new IntervalGrid(config.intervalLength()), journal,
                    new BatchSigner(deviceKey), rollovers, forwarder::wakeUp);
            IntervalGrid pollGrid = new IntervalGrid(config.pollInterval());
            for (MeterReader reader : readers) {
                pollers.add(new Poller(reader, pollGrid, time, publisher));
            }
            this.status = new StatusWriter(journal, forwarder);
        } catch (JournalException | RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    public void start() {
        threads.add(Thread.ofPlatform().name("forwarder").daemon().start(forwarder));
        for (int i = 0; i < pollers.size(); i++) {
            threads.add(Thread.ofPlatform().name("poller-" + i).daemon().start(pollers.get(i)));
        }
        threads.add(Thread.ofPlatform().name("status").daemon().start(this::writeStatusEverySecond));
        LOG.info("connector started: {} source(s), journal {} ({} of {} bytes used, {} batch(es) pending)",
                pollers.size(), journal.dir(), journal.usedBytes(), journal.boundBytes(), journal.pendingBatches());
    }

    private void writeStatusEverySecond() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    status.write(time.now());
                } catch (IOException e) {
                    LOG.warn("status file not written: {}", e.getMessage());
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Journal journal() {
        return journal;
    }

    public Forwarder forwarder() {
        return forwarder;
    }

    public BatchPublisher publisher() {
        return publisher;
    }

    public StatusWriter status() {
        return status;
    }

    @Override
    public synchronized void close() throws JournalException {
        if (closed) {
            return;
        }
        closed = true;
        pollers.forEach(Poller::stop);
        forwarder.stop();
        for (Thread thread : threads) {
            if (thread.getName().equals("status")) {
                thread.interrupt();
            }
        }
        for (Thread thread : threads) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        journal.close();
    }
}
