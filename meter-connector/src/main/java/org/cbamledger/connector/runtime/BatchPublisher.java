package org.cbamledger.connector.runtime;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.connector.batch.BatchSigner;
import org.cbamledger.connector.batch.MeterReadingBatch;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.connector.journal.JournalException;
import org.cbamledger.connector.journal.JournalFullException;
import org.cbamledger.connector.reading.IntervalAggregator;
import org.cbamledger.connector.reading.IntervalReading;
import org.cbamledger.connector.reading.MeterSample;
import org.cbamledger.connector.reading.MeterState;
import org.cbamledger.connector.time.IntervalGrid;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.RecordValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: aggregates samples into intervals, numbers, signs and journals each closed
 * interval as a batch, then persists the meter state. If the journal is full or signing fails,
 * the meter state does not advance, so the next boundary yields a GAP interval carrying the
 * energy of the whole span: the meter's own counter is the store of last resort.
 */
public final class BatchPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(BatchPublisher.class);

    private final String deviceId;
    private final IntervalGrid grid;
    private final Journal journal;
    private final BatchSigner signer;
    private final MeterStateStore stateStore;
    private final Map<String, MeterState> states;
    private final Map<String, BigDecimal> rollovers;
    private final Runnable afterAppend;

    public BatchPublisher(String deviceId, IntervalGrid grid, Journal journal, BatchSigner signer,
            Map<String, BigDecimal> rolloverKwhByMeter, Runnable afterAppend) throws JournalException {
        this.deviceId = deviceId;
        this.grid = grid;
        this.journal = journal;
        this.signer = signer;
        this.stateStore = new MeterStateStore(journal.dir());
        this.states = new HashMap<>(stateStore.load(journal));
        this.rollovers = new HashMap<>(rolloverKwhByMeter);
        this.afterAppend = afterAppend;
    }

    /** @return the sequence numbers journalled for this sample (usually none, one at a boundary) */
    public synchronized List<Long> accept(MeterSample sample) {
        MeterState state = states.getOrDefault(sample.meterId(), MeterState.empty(sample.meterId()));
        IntervalAggregator aggregator = new IntervalAggregator(grid, rollovers.get(sample.meterId()));
        IntervalAggregator.Step step = aggregator.accept(state, sample);
        if (step.closed().isEmpty()) {
            boolean newBaseline = step.state().lastBoundary() != null
                    && !step.state().lastBoundary().equals(state.lastBoundary());
            states.put(sample.meterId(), step.state());
            if (newBaseline) {
                saveQuietly();
            }
            return List.of();
        }
        List<Long> sequences = new java.util.ArrayList<>();
        for (IntervalReading reading : step.closed()) {
            long sequence = journal.nextSequence();
            try {
                MeterReadingBatch batch = new MeterReadingBatch(sample.meterId(), deviceId, sequence - 1, List.of(reading));
                byte[] envelope = signer.sign(batch);
                journal.append(sequence, envelope, MeterStateCodec.toBytes(step.state()));
                sequences.add(sequence);
                LOG.info("meter {}: interval {} .. {} {} {} kWh journalled as batch {}", sample.meterId(),
                        reading.intervalStart(), reading.intervalEnd(), MeterReadingBatch.wireQuality(reading),
                        reading.energyKwh() == null ? "-" : reading.energyKwh().toPlainString(), sequence - 1);
            } catch (JournalFullException e) {
                LOG.error("meter {}: {}; the interval will be covered by a GAP interval once space frees",
                        sample.meterId(), e.getMessage());
                return sequences;
            } catch (JournalException | SignerException | RecordValidationException e) {
                LOG.error("meter {}: interval ending {} not journalled: {}", sample.meterId(), reading.intervalEnd(),
                        e.getMessage(), e);
                return sequences;
            }
        }
        states.put(sample.meterId(), step.state());
        saveQuietly();
        afterAppend.run();
        return sequences;
    }

    public synchronized MeterState state(String meterId) {
        return states.get(meterId);
    }

    private void saveQuietly() {
        try {
            stateStore.save(states);
        } catch (JournalException e) {
            // The journal holds the same state beside the batch; a restart recovers it from there.
            LOG.error("{}", e.getMessage(), e);
        }
    }
}
