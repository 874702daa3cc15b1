package org.cbamledger.witness;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.CheckpointVerifier;
import org.cbamledger.signer.ConsistencyProofVerifier;
import org.cbamledger.signer.CosignatureSigner;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.ProofException;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;

/**
 * A C2SP tlog-witness: cosigns a log's checkpoint only when the log signed it and it extends, by a verified
 * consistency proof, the checkpoint the witness last cosigned for that origin; so a fork, a rollback or a
 * rewritten history never gets its cosignature. The checks run in the order tlog-witness gives them.
 */
public final class Witness {
    private final CosignatureSigner signer;
    private final KnownLogs logs;
    private final WitnessStateStore states;
    private final Clock clock;

    public Witness(CosignatureSigner signer, KnownLogs logs, WitnessStateStore states, Clock clock) {
        this.signer = signer;
        this.logs = logs;
        this.states = states;
        this.clock = clock;
    }

    public String verifierKey() {
        return signer.verifierKey();
    }

    /** Checks, records and cosigns; returns the cosignature line (with its newline). */
    public synchronized String addCheckpoint(AddCheckpointRequest request) throws WitnessRefusal, IOException {
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(request.signedCheckpoint());
            checkpoint = Checkpoint.parse(note.text());
        } catch (SignerException e) {
            throw new WitnessRefusal(400, "not a signed checkpoint: " + e.getMessage());
        }
        List<NoteVerifier> keys = logs.keysOf(checkpoint.origin());
        if (keys.isEmpty()) {
            throw new WitnessRefusal(404, "unknown log origin " + checkpoint.origin());
        }
        try {
            CheckpointVerifier.verify(request.signedCheckpoint(), keys, checkpoint.origin());
        } catch (SignerException e) {
            throw new WitnessRefusal(403, "checkpoint is not signed by the log's key: " + e.getMessage());
        }
        if (request.oldSize() > checkpoint.size()) {
            throw new WitnessRefusal(400, "old size " + request.oldSize() + " is larger than the checkpoint's size");
        }
        WitnessState known = states.read(checkpoint.origin());
        if (request.oldSize() != known.size()) {
            throw new WitnessRefusal(409, "the witness holds size " + known.size() + " of this log", known.size());
        }
        byte[] knownRoot = known.size() == 0 ? Merkle.emptyRoot() : known.rootHash();
        if (request.oldSize() == checkpoint.size()) {
            if (!MessageDigest.isEqual(knownRoot, checkpoint.rootHash())) {
                throw new WitnessRefusal(409, "a checkpoint of size " + known.size()
                        + " with another root hash was cosigned: the log forked");
            }
        } else {
            try {
                ConsistencyProofVerifier.verify(known.size(), checkpoint.size(), knownRoot, checkpoint.rootHash(),
                        request.proof());
            } catch (ProofException e) {
                throw new WitnessRefusal(422, "consistency proof from size " + known.size() + " does not verify: "
                        + e.getMessage());
            }
            states.write(checkpoint.origin(), new WitnessState(checkpoint.size(), checkpoint.rootHash()));
        }
        return signer.cosign(note.text(), clock.instant().getEpochSecond()).line() + "\n";
    }
}
