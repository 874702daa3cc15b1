package org.cbamledger.service.witness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cbamledger.service.log.CheckpointListener;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.store.TreeStore;

/** Hands every log's latest checkpoint to one {@link WitnessWorker} per configured witness; never blocks. */
public final class CheckpointWitnessing implements CheckpointListener, AutoCloseable {
    private final WitnessingSettings settings;
    private final CosignatureStore cosignatures;
    private final TreeStore tree;
    private final WitnessedCheckpoints witnessed;
    private final WitnessClient client;
    private final Map<String, List<WitnessWorker>> workers = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    public CheckpointWitnessing(WitnessingSettings settings, CosignatureStore cosignatures, TreeStore tree,
            WitnessedCheckpoints witnessed) {
        this.settings = settings;
        this.cosignatures = cosignatures;
        this.tree = tree;
        this.witnessed = witnessed;
        this.client = new WitnessClient(settings.retryInterval().multipliedBy(5));
    }

    @Override
    public void published(LogInfo log, StoredCheckpoint latest) {
        if (!settings.witnessing()) {
            return;
        }
        for (WitnessWorker worker : workers.computeIfAbsent(log.logId(), id -> start(log))) {
            worker.offer(latest);
        }
    }

    private List<WitnessWorker> start(LogInfo log) {
        List<WitnessWorker> started = new ArrayList<>();
        for (WitnessEndpoint witness : settings.witnesses()) {
            WitnessWorker worker = new WitnessWorker(log, witness, client, cosignatures, tree, witnessed,
                    settings.retryInterval().toMillis());
            synchronized (threads) {
                threads.add(Thread.ofVirtual().name("witness-" + log.logId() + "-" + witness.key().keyName())
                        .start(worker));
            }
            started.add(worker);
        }
        return started;
    }

    @Override
    public void close() {
        synchronized (threads) {
            threads.forEach(Thread::interrupt);
        }
    }
}
