package org.cbamledger.service.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's share of the logs' write paths. Every third of a lease time it renews what it holds, then
 * takes logs without a live holder until it holds its fair share (all logs over the live instances, rounded up),
 * and gives back one log per round while it holds more. When a holder dies its leases expire and the others
 * take the logs over within a lease time and a round.
 */
public final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    /** A lease and until when (this JVM's nanoTime) it is certainly still ours. */
    private record Held(Lease lease, long validUntilNanos) {}

    private final LeaseStore store;
    private final String instanceId;
    private final Consumer<String> onAcquired;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final Object rounds = new Object();
    private Thread thread;
    private volatile boolean running = true;

    /** {@code onAcquired}: called with a log's id when this instance took its lease (starts its pipeline). */
    public LeaseKeeper(LeaseStore store, Consumer<String> onAcquired) {
        this.store = store;
        this.instanceId = hostName() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.onAcquired = onAcquired;
    }

    public String instanceId() {
        return instanceId;
    }

    /** Takes a first share synchronously, then keeps the leases in a background thread. */
    public void start() {
        try {
            round();
        } catch (SQLException e) {
            LOG.warn("first lease round of {} failed; retrying in the background", instanceId, e);
        }
        thread = Thread.ofVirtual().name("lease-keeper").start(this::run);
    }

    /** The lease of a log while this instance holds it; empty when another does (or nobody is known to). */
    public Optional<Lease> lease(String logId) {
        Held h = held.get(logId);
        return h != null && System.nanoTime() < h.validUntilNanos() ? Optional.of(h.lease()) : Optional.empty();
    }

    /** Takes a new log's lease at once (its creator starts its write path); rebalancing may hand it on later. */
    public void claim(String logId) throws SQLException {
        synchronized (rounds) {
            take(logId, System.nanoTime());
        }
    }

    private void run() {
        long intervalMillis = Math.max(50, store.ttl().toMillis() / 3);
        while (running) {
            try {
                Thread.sleep(intervalMillis);
                round();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warn("lease round of {} failed; {} leases kept until they lapse", instanceId, held.size(), e);
                long now = System.nanoTime();
                held.values().removeIf(h -> now >= h.validUntilNanos());
            }
        }
    }

    void round() throws SQLException {
        synchronized (rounds) {
            long started = System.nanoTime();
            int live = Math.max(1, store.heartbeat(instanceId));
            for (Held h : List.copyOf(held.values())) {
                if (store.renew(h.lease())) {
                    held.put(h.lease().logId(), new Held(h.lease(), validUntil(started)));
                } else {
                    LOG.warn("instance {} lost the lease of log {} (token {})", instanceId, h.lease().logId(),
                            h.lease().fencingToken());
                    held.remove(h.lease().logId());
                }
            }
            List<LeaseStore.LogHolding> logs = store.holdings(instanceId);
            int share = (logs.size() + live - 1) / live;
            for (LeaseStore.LogHolding log : logs) {
                if (held.size() >= share) {
                    break;
                }
                if (!log.heldByOther() && !held.containsKey(log.logId())) {
                    take(log.logId(), started);
                }
            }
            if (held.size() > share) {
                List<String> mine = new ArrayList<>(held.keySet());
                mine.sort(null);
                Held last = held.remove(mine.getLast());
                store.release(last.lease());
                LOG.info("instance {} hands log {} on ({} logs, {} instances)", instanceId, last.lease().logId(),
                        logs.size(), live);
            }
        }
    }

    private void take(String logId, long started) throws SQLException {
        Optional<Lease> lease = store.acquire(logId, instanceId);
        if (lease.isPresent()) {
            boolean isNew = held.put(logId, new Held(lease.get(), validUntil(started))) == null;
            if (isNew) {
                LOG.info("instance {} took the lease of log {} (token {})", instanceId, logId, lease.get().fencingToken());
                onAcquired.accept(logId);
            }
        }
    }

    /** A lease counts as ours for its time less a tenth, measured from before the statement that renewed it. */
    private long validUntil(long startedNanos) {
        return startedNanos + store.ttl().toNanos() * 9 / 10;
    }

    /** Gives back every lease so another instance takes the logs over at once. */
    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (rounds) {
            try {
                for (Held h : held.values()) {
                    store.release(h.lease());
                }
                store.leave(instanceId);
            } catch (SQLException e) {
                LOG.warn("instance {} could not give its leases back; they lapse in {}", instanceId, store.ttl(), e);
            }
            held.clear();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
