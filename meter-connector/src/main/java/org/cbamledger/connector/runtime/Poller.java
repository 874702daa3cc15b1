package org.cbamledger.connector.runtime;

import java.time.Instant;
import org.cbamledger.connector.reading.MeterReader;
import org.cbamledger.connector.reading.MeterSample;
import org.cbamledger.connector.time.IntervalGrid;
import org.cbamledger.connector.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls one source at clock-aligned times (every interval boundary is a poll time). */
public final class Poller implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final MeterReader reader;
    private final IntervalGrid pollGrid;
    private final TimeSource time;
    private final BatchPublisher publisher;
    private final Object sleepLock = new Object();
    private volatile boolean running = true;
    private boolean sleeping;
    private Thread thread;

    public Poller(MeterReader reader, IntervalGrid pollGrid, TimeSource time, BatchPublisher publisher) {
        this.reader = reader;
        this.pollGrid = pollGrid;
        this.time = time;
        this.publisher = publisher;
    }

    @Override
    public void run() {
        synchronized (sleepLock) {
            thread = Thread.currentThread();
        }
        try {
            Instant next = pollGrid.next(time.now());
            while (running) {
                synchronized (sleepLock) {
                    sleeping = true;
                }
                try {
                    time.sleepUntil(next);
                } catch (InterruptedException e) {
                    break;
                } finally {
                    synchronized (sleepLock) {
                        sleeping = false;
                    }
                }
                if (!running) {
                    break;
                }
                pollOnce(next);
                next = next.plus(pollGrid.length());
                Instant now = time.now();
                // A poll that ran late still happens at its nominal time (boundaries matter); only
                // when more than a whole poll interval behind does the schedule jump ahead.
                if (now.isAfter(next.plus(pollGrid.length()))) {
                    Instant resume = pollGrid.next(now);
                    LOG.warn("polling fell behind: skipping from {} to {}", next, resume);
                    // a skipped poll is a missed reading: flagged like a failed one, never filled in
                    for (Instant skipped = next; skipped.isBefore(resume); skipped = skipped.plus(pollGrid.length())) {
                        for (String meterId : reader.meterIds()) {
                            accept(MeterSample.failed(meterId, skipped, now, "poll at " + skipped
                                    + " skipped: the previous poll ran until " + now));
                        }
                    }
                    next = resume;
                }
            }
        } finally {
            reader.close();
        }
    }

    public void pollOnce(Instant scheduledAt) {
        for (MeterSample sample : reader.read(scheduledAt)) {
            accept(sample);
        }
    }

    private void accept(MeterSample sample) {
        try {
            publisher.accept(sample);
        } catch (RuntimeException e) {
            LOG.error("meter {}: sample at {} not processed: {}", sample.meterId(), sample.scheduledAt(), e.toString(), e);
        }
    }

    /**
     * Stops after the current poll. Only a sleeping poller is interrupted: an interrupt during a
     * journal write would close its FileChannel and tear the record.
     */
    public void stop() {
        running = false;
        synchronized (sleepLock) {
            if (sleeping && thread != null) {
                thread.interrupt();
            }
        }
    }
}
