package org.cbamledger.connector.forward;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.connector.journal.JournalException;
import org.cbamledger.connector.journal.JournalRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends journalled batches to the ledger strictly in sequence order, one at a time, retrying with
 * backoff while the ledger is down. A batch counts as sent only once its receipt is in the journal's
 * receipt index; a crash in between resends the identical envelope, which the ledger answers 200.
 */
public final class Forwarder implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Journal journal;
    private final LedgerClient ledger;
    private final Backoff backoff;
    private final Object wakeUp = new Object();
    private volatile boolean running = true;
    private volatile String lastError;
    private volatile long accepted;
    private volatile long replayed;
    private volatile long rejected;

    public Forwarder(Journal journal, LedgerClient ledger, Backoff backoff) {
        this.journal = journal;
        this.ledger = ledger;
        this.backoff = backoff;
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    if (!sendNext()) {
                        synchronized (wakeUp) {
                            if (running && journal.pendingBatches() == 0) {
                                wakeUp.wait(1000);
                            }
                        }
                    }
                } catch (JournalException e) {
                    // the batch stays in the journal; a disk hiccup must not stop forwarding for good
                    lastError = e.getMessage();
                    LOG.error("forwarder: {}", e.getMessage(), e);
                    synchronized (wakeUp) {
                        wakeUp.wait(Math.max(1, backoff.next(null).toMillis()));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Tries the oldest unacknowledged batch once, sleeping the backoff if the ledger is unavailable.
     *
     * @return whether a batch was acknowledged or rejected (false when none was pending or it must be retried)
     */
    public boolean sendNext() throws JournalException, InterruptedException {
        Optional<JournalRecord> next = journal.nextUnacknowledged();
        if (next.isEmpty()) {
            return false;
        }
        JournalRecord record = next.get();
        SubmitOutcome outcome = ledger.submit(record.envelope());
        switch (outcome) {
            case SubmitOutcome.Accepted a -> {
                journal.acknowledge(record.sequence(), a.receiptJson());
                if (a.status() == 200) {
                    replayed++;
                } else {
                    accepted++;
                }
                backoff.reset();
                lastError = null;
                return true;
            }
            case SubmitOutcome.Rejected r -> {
                ObjectNode rejection = JSON.createObjectNode();
                rejection.put("rejected", r.status());
                rejection.put("problem", r.problem());
                journal.acknowledge(record.sequence(), JSON.writeValueAsString(rejection).getBytes(StandardCharsets.UTF_8));
                rejected++;
                lastError = "journal record " + record.sequence() + " rejected by the ledger (" + r.status() + "): " + r.problem();
                LOG.error("{}", lastError);
                backoff.reset();
                return true;
            }
            case SubmitOutcome.Unavailable u -> {
                lastError = u.reason();
                Duration wait = backoff.next(u.retryAfter());
                LOG.warn("ledger unavailable, journal record {} kept, retrying in {} ms: {}", record.sequence(),
                        wait.toMillis(), u.reason());
                synchronized (wakeUp) {
                    if (running) {
                        wakeUp.wait(Math.max(1, wait.toMillis()));
                    }
                }
                return false;
            }
        }
    }

    /** Sends until nothing is pending or {@code timeout} has passed; for one-shot imports. */
    public boolean drain(Duration timeout) throws JournalException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (journal.pendingBatches() > 0 && System.nanoTime() < deadline) {
            sendNext();
        }
        return journal.pendingBatches() == 0;
    }

    /** Called after an append so a waiting forwarder sends at once. */
    public void wakeUp() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    public void stop() {
        running = false;
        wakeUp();
    }

    public String lastError() {
        return lastError;
    }

    public long accepted() {
        return accepted;
    }

    public long replayed() {
        return replayed;
    }

    public long rejected() {
        return rejected;
    }
}
