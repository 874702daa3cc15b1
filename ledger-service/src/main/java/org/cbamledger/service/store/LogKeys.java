package org.cbamledger.service.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;

/**
 * A log's note keys over time (api-spec/POLICY.md, rotation): its first key, then each key it rotated to, in
 * order of {@code fromSize}. A checkpoint below the first rotation's size is signed by the first key; from a
 * rotation's size by its new key, and also by the key before it until the overlap after the rotation ends, so
 * that verifiers that have not yet seen the rotation still accept it.
 */
public record LogKeys(String origin, SigningKey firstKey, List<RotatedKey> rotations) {

    public LogKeys {
        rotations = rotations.stream().sorted(Comparator.comparingLong(RotatedKey::fromSize)).toList();
    }

    /** The signers of a checkpoint of this size signed at {@code now}. */
    public List<NoteSigner> checkpointSigners(long treeSize, Instant now, Duration overlap) {
        SigningKey before = firstKey;
        RotatedKey applies = null;
        for (RotatedKey rotation : rotations) {
            if (rotation.fromSize() > treeSize) {
                break;
            }
            if (applies != null) {
                before = applies.noteKey();
            }
            applies = rotation;
        }
        if (applies == null) {
            return List.of(signer(firstKey));
        }
        if (now.isBefore(applies.createdAt().plus(overlap))) {
            return List.of(signer(before), signer(applies.noteKey()));
        }
        return List.of(signer(applies.noteKey()));
    }

    /** The latest key: it signs the entries the log writes itself, and the next rotation with the new key. */
    public SigningKey currentKey() {
        return rotations.isEmpty() ? firstKey : rotations.getLast().noteKey();
    }

    /** The first key's C2SP vkey line, as {@code POST /logs} answered it. */
    public String firstVerifierKey() {
        return signer(firstKey).verifierKey();
    }

    private NoteSigner signer(SigningKey key) {
        return new NoteSigner(origin, key);
    }
}
