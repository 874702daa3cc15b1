package org.cbamledger.connector.forward;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.connector.journal.JournalException;
import org.cbamledger.connector.journal.JournalRecord;
import org.cbamledger.signer.JsonMappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends journalled batches to the ledger strictly in sequence order, retrying with backoff while the
 * ledger is down. A batch counts as sent only once its receipt is in the journal's receipt index; a
 * crash in between resends the identical envelope, which the ledger answers 200. A backlog (after an
 * outage) goes in requests of up to {@code maxBatchEntries} envelopes to {@code /entries/batch}, which
 * the ledger sequences all or nothing; when it refuses such a request for good (a 4xx), those
 * batches are sent one by one, so only the bad one is recorded as rejected.
 */
public final class Forwarder implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);
    private static final ObjectMapper JSON = JsonMappers.PLAIN;
    /** Envelopes per {@code /entries/batch} request when a backlog is sent. */
    public static final int BACKLOG_BATCH_ENTRIES = 100;
    /** Well below the service's 16 MB request limit (application.properties). */
    private static final long MAX_BATCH_BYTES = 4L << 20;

    private final Journal journal;
    private final LedgerClient ledger;
    private final Backoff backoff;
    private final int maxBatchEntries;
    /** Journal records up to this one go singly: a batch request holding them was refused. */
    private long singlyThrough;
    private final Object wakeUp = new Object();
    private volatile boolean running = true;
    private volatile String lastError;
    private volatile long accepted;
    private volatile long replayed;
    private volatile long rejected;
    private volatile long acceptedBatchRequests;

    /** One envelope per request. */
    public Forwarder(Journal journal, LedgerClient ledger, Backoff backoff) {
        this(journal, ledger, backoff, 1);
    }

    /** Backlogs in batch requests of up to {@code maxBatchEntries} envelopes (1: always singly). */
    public Forwarder(Journal journal, LedgerClient ledger, Backoff backoff, int maxBatchEntries) {
        if (maxBatchEntries < 1) {
            throw new IllegalArgumentException("maxBatchEntries must be at least 1, got " + maxBatchEntries);
        }
        this.journal = journal;
        this.ledger = ledger;
        this.backoff = backoff;
        this.maxBatchEntries = maxBatchEntries;
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
        if (maxBatchEntries > 1 && record.sequence() > singlyThrough && journal.pendingBatches() > 1) {
            return sendBacklog(record);
        }
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
                return waitAfter(u, record);
            }
        }
    }

    /** One batch request with the oldest pending records; see the class comment. */
    private boolean sendBacklog(JournalRecord first) throws JournalException, InterruptedException {
        List<JournalRecord> records = new ArrayList<>();
        records.add(first);
        long bytes = first.envelope().length;
        for (long s = first.sequence() + 1; records.size() < maxBatchEntries; s++) {
            Optional<JournalRecord> more = journal.read(s);
            if (more.isEmpty() || bytes + more.get().envelope().length > MAX_BATCH_BYTES) {
                break;
            }
            records.add(more.get());
            bytes += more.get().envelope().length;
        }
        if (records.size() == 1) {
            singlyThrough = first.sequence();
            return sendNext();
        }
        SubmitOutcome outcome = ledger.submitBatch(records.stream().map(JournalRecord::envelope).toList());
        switch (outcome) {
            case SubmitOutcome.Accepted a -> {
                JsonNode receipts = receiptArray(a.receiptJson(), records.size());
                if (receipts == null) {
                    // cannot match receipts to records: resend singly, replays are answered 200 with theirs
                    singlyThrough = records.getLast().sequence();
                    LOG.warn("batch answer of {} entries from journal record {} is not {} receipts; resending singly",
                            records.size(), first.sequence(), records.size());
                    return false;
                }
                for (int i = 0; i < records.size(); i++) {
                    journal.acknowledge(records.get(i).sequence(), JSON.writeValueAsBytes(receipts.get(i)));
                }
                // the batch answer has one status: 201 when anything was new, so replays inside count as accepted
                if (a.status() == 200) {
                    replayed += records.size();
                } else {
                    accepted += records.size();
                }
                acceptedBatchRequests++;
                if (records.size() >= 10) {
                    LOG.info("backlog: journal records {}..{} acknowledged in one batch request", first.sequence(),
                            records.getLast().sequence());
                }
                backoff.reset();
                lastError = null;
                return true;
            }
            case SubmitOutcome.Rejected r -> {
                singlyThrough = records.getLast().sequence();
                LOG.warn("batch request of journal records {}..{} refused ({}), sending them singly: {}",
                        first.sequence(), singlyThrough, r.status(), r.problem());
                return false;
            }
            case SubmitOutcome.Unavailable u -> {
                return waitAfter(u, first);
            }
        }
    }

    private static JsonNode receiptArray(byte[] json, int expected) {
        try {
            JsonNode receipts = JSON.readTree(json);
            return receipts != null && receipts.isArray() && receipts.size() == expected ? receipts : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private boolean waitAfter(SubmitOutcome.Unavailable u, JournalRecord record) throws InterruptedException {
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

    /** How many {@code /entries/batch} requests the ledger accepted. */
    public long acceptedBatchRequests() {
        return acceptedBatchRequests;
    }
}
