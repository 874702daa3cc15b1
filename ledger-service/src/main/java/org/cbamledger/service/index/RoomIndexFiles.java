package org.cbamledger.service.index;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.index.IndexKey;
import org.cbamledger.signer.index.IndexKeys;
import org.cbamledger.signer.index.IndexProof;
import org.cbamledger.verifier.bundle.Coverage;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a room bundle adds for its completeness (api-spec/BUNDLE.md, index/): its coverage, the index-commitment entry
 * and every leaf the index lists under the room's scope keys, a map proof per key, and a checkpoint that covers the
 * commitment.
 */
public record RoomIndexFiles(Coverage.Room coverage, long commitmentIndex, SortedSet<Long> listedLeaves,
        Map<String, byte[]> proofsByMapKeyHex, StoredCheckpoint checkpoint) {
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    public RoomIndexFiles {
        listedLeaves = Collections.unmodifiableSortedSet(new TreeSet<>(listedLeaves));
        proofsByMapKeyHex = Collections.unmodifiableMap(new TreeMap<>(proofsByMapKeyHex));
    }

    public static RoomIndexFiles of(IndexCommitter.Commitment commitment, StoredCheckpoint checkpoint, String roomId,
            String installationId, LocalDate periodFrom, LocalDate periodTo) {
        SortedSet<Long> leaves = new TreeSet<>();
        Map<String, byte[]> proofs = new TreeMap<>();
        for (IndexKey key : IndexKeys.roomScope(installationId, periodFrom, periodTo)) {
            IndexProof proof = commitment.map().prove(key);
            leaves.addAll(proof.value().leaves());
            proofs.put(key.mapKey().hex(), JSON.writeValueAsString(proof.toJson()).getBytes(StandardCharsets.UTF_8));
        }
        return new RoomIndexFiles(new Coverage.Room(roomId, installationId, periodFrom, periodTo),
                commitment.entryIndex(), leaves, proofs, checkpoint);
    }
}
