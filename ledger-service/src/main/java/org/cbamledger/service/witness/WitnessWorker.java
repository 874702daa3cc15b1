package org.cbamledger.service.witness;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.store.TreeStore;
import org.cbamledger.signer.Cosignature;
import org.cbamledger.signer.NoteSignature;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.TreeHashes;
import org.cbamledger.witness.AddCheckpointRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one log's newest checkpoint to one witness, on its own virtual thread: the log's publisher only hands it
 * the latest checkpoint. A witness that is down leaves checkpoints unwitnessed; when it answers again it gets the
 * newest one, with a consistency proof from the size it holds (a 409 says which).
 */
final class WitnessWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(WitnessWorker.class);
    private static final int MAX_CONFLICTS = 3;

    private final LogInfo log;
    private final WitnessEndpoint witness;
    private final WitnessClient client;
    private final CosignatureStore cosignatures;
    private final TreeStore tree;
    private final WitnessedCheckpoints witnessed;
    private final long retryMillis;
    private StoredCheckpoint pending;
    private long done;
    private Long witnessSize;

    WitnessWorker(LogInfo log, WitnessEndpoint witness, WitnessClient client, CosignatureStore cosignatures,
            TreeStore tree, WitnessedCheckpoints witnessed, long retryMillis) {
        this.log = log;
        this.witness = witness;
        this.client = client;
        this.cosignatures = cosignatures;
        this.tree = tree;
        this.witnessed = witnessed;
        this.retryMillis = retryMillis;
    }

    synchronized void offer(StoredCheckpoint latest) {
        if (pending == null || latest.treeSize() > pending.treeSize()) {
            pending = latest;
            notifyAll();
        }
    }

    private synchronized StoredCheckpoint next() throws InterruptedException {
        while (pending == null || pending.treeSize() <= done) {
            wait();
        }
        return pending;
    }

    @Override
    public void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                StoredCheckpoint checkpoint = next();
                if (submit(checkpoint)) {
                    done = checkpoint.treeSize();
                } else {
                    Thread.sleep(retryMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean submit(StoredCheckpoint checkpoint) throws InterruptedException {
        String key = witness.key().verifierKey();
        try {
            if (witnessSize == null) {
                witnessSize = cosignatures.progress(log.logId(), key);
            }
            for (int attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
                long old = witnessSize;
                if (old > checkpoint.treeSize()) {
                    LOG.error("witness {} holds size {} of log {}, beyond its checkpoint {}", witness.url(), old,
                            log.logId(), checkpoint.treeSize());
                    return false;
                }
                List<byte[]> proof = old == 0 || old == checkpoint.treeSize() ? List.of()
                        : TreeHashes.proveConsistency(checkpoint.treeSize(), old, tree.reader(log.logId()));
                WitnessClient.Answer answer = client.addCheckpoint(witness.url(),
                        new AddCheckpointRequest(old, proof, checkpoint.signedNote()));
                if (answer.cosigned()) {
                    store(checkpoint, answer.body());
                    witnessSize = checkpoint.treeSize();
                    cosignatures.setProgress(log.logId(), key, witnessSize);
                    witnessed.changed();
                    return true;
                }
                if (answer.knownSize() == null) {
                    LOG.warn("witness {} refused checkpoint {} of log {}: {} {}", witness.url(), checkpoint.treeSize(),
                            log.logId(), answer.status(), answer.body().strip());
                    return false;
                }
                witnessSize = answer.knownSize();
            }
            return false;
        } catch (IOException | SQLException | SignerException e) {
            LOG.warn("witness {} did not cosign checkpoint {} of log {}: {}", witness.url(), checkpoint.treeSize(),
                    log.logId(), e.toString());
            return false;
        }
    }

    /** Keeps the answer's lines by this witness's key that verify over the checkpoint. */
    private void store(StoredCheckpoint checkpoint, String lines) throws SignerException, SQLException {
        SignedNote note = SignedNote.parse(checkpoint.signedNote() + lines);
        List<NoteSignature> ours = new ArrayList<>();
        for (NoteSignature signature : note.signatures()) {
            if (witness.key().names(signature)) {
                ours.add(signature);
            }
        }
        if (ours.isEmpty()) {
            throw new SignerException("the witness answered no cosignature by its configured key");
        }
        for (NoteSignature signature : ours) {
            Cosignature verified = witness.key().verify(note.text(), signature);
            cosignatures.insert(log.logId(), checkpoint.treeSize(), witness.key().verifierKey(), signature.line(),
                    verified.time());
        }
    }
}
