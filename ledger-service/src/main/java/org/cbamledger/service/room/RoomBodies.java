package org.cbamledger.service.room;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.service.log.ConsistencyProof;
import org.cbamledger.service.log.InclusionProof;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.room.scope.RoomDefinition;
import tools.jackson.databind.JsonNode;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.json.JsonMapper;

/** The JSON shapes of the room routes (CONTRACTS.md): leaf hashes in hex, proof hashes in std base64. */
final class RoomBodies {
    static final JsonMapper JSON = JsonMappers.PLAIN;

    private RoomBodies() {}

    record RoomBody(String roomId, String logId, String name, String installationId, String periodFrom, String periodTo,
            List<String> cnCodes, String createdBy, String createdAt) {
        static RoomBody of(RoomDefinition r) {
            return new RoomBody(r.roomId(), r.logId(), r.name(), r.installationId(), r.periodFrom().toString(),
                    r.periodTo().toString(), List.copyOf(r.cnCodes()), r.createdBy(), r.createdAt().toString());
        }
    }

    record GrantBody(String roomId, String partyId, String role, List<String> scopes, String grantedBy,
            String grantedAt, String revokedAt) {
        static GrantBody of(RoomGrant g) {
            return new GrantBody(g.roomId(), g.partyId(), g.role().wireName(),
                    g.scopes().stream().map(GrantScope::wireName).sorted().toList(), g.grantedBy(),
                    g.grantedAt().toString(), g.revokedAt() == null ? null : g.revokedAt().toString());
        }
    }

    record RoomWithGrants(RoomBody room, List<GrantBody> grants) {}

    record CheckpointBody(long treeSize, String signedNote) {
        static CheckpointBody of(StoredCheckpoint c) {
            return new CheckpointBody(c.treeSize(), c.signedNote());
        }
    }

    /** What a visitor sees first: the room, their role and scopes there, its checkpoint and entry counts by kind. */
    record RoomSummary(RoomBody room, String role, List<String> scopes, CheckpointBody checkpoint, long entryCount,
            java.util.SortedMap<String, Long> entriesByKind, long statementCount) {}

    record EntryItem(long index, String leafHash, String kind, String reason) {}

    record EntryPage(String roomId, long treeSize, List<EntryItem> items, String next) {}

    record InclusionBody(long index, long treeSize, String leafHash, List<String> hashes) {
        static InclusionBody of(InclusionProof p) {
            return new InclusionBody(p.index(), p.treeSize(), hex(p.leafHash()), b64(p.hashes()));
        }
    }

    record EntryWithProof(String roomId, String logId, long index, String leafHash, String kind, String reason,
            JsonNode envelope, CheckpointBody checkpoint, InclusionBody inclusionProof) {
        static EntryWithProof of(RoomDefinition room, StoredEntry e, String reason, StoredCheckpoint checkpoint,
                InclusionProof proof) {
            return new EntryWithProof(room.roomId(), room.logId(), e.index(), hex(e.leafHash()), e.kind(), reason,
                    JSON.readTree(e.envelope()), CheckpointBody.of(checkpoint), InclusionBody.of(proof));
        }
    }

    record AccessItem(long index, String leafHash, JsonNode record) {}

    record AccessPage(String roomId, long treeSize, List<AccessItem> items, String next) {}

    record DocumentItem(String sha256, String fileName, String mediaType, long sizeBytes, long anchorIndex,
            boolean erased) {}

    record StatementItem(String statementId, String cnCode, JsonNode period, String recipient, long checkpointSize) {}

    record ConsistencyBody(long from, long to, List<String> hashes) {
        static ConsistencyBody of(ConsistencyProof p) {
            return new ConsistencyBody(p.from(), p.to(), b64(p.hashes()));
        }
    }

    record StatementBody(String roomId, String statementId, String keyId, String jws, JsonNode statement,
            CheckpointBody checkpoint, CheckpointBody latestCheckpoint, ConsistencyBody consistency) {}

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static List<String> b64(List<byte[]> hashes) {
        return hashes.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
    }
}
