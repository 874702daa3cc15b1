package org.cbamledger.service.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.service.log.ConsistencyProof;
import org.cbamledger.service.store.GapRange;
import org.cbamledger.service.log.InclusionProof;
import org.cbamledger.service.log.Receipt;
import org.cbamledger.service.store.StoredEntry;
import tools.jackson.databind.JsonNode;

/** The JSON shapes of CONTRACTS.md: hashes of leaves in hex, proof hashes in std base64. */
final class Bodies {
    private Bodies() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReceiptBody(String logId, long index, String leafHash, String checkpoint, InclusionBody inclusionProof) {
        static ReceiptBody of(Receipt r) {
            return new ReceiptBody(r.logId(), r.index(), hex(r.leafHash()), null, null);
        }

        ReceiptBody withInclusion(String signedCheckpoint, InclusionProof proof) {
            return new ReceiptBody(logId, index, leafHash, signedCheckpoint, InclusionBody.of(proof));
        }
    }

    record InclusionBody(long index, long treeSize, String leafHash, List<String> hashes) {
        static InclusionBody of(InclusionProof p) {
            return new InclusionBody(p.index(), p.treeSize(), hex(p.leafHash()), b64(p.hashes()));
        }
    }

    record ConsistencyBody(long from, long to, List<String> hashes) {
        static ConsistencyBody of(ConsistencyProof p) {
            return new ConsistencyBody(p.from(), p.to(), b64(p.hashes()));
        }
    }

    record EntryBody(String logId, long index, String leafHash, String kind, JsonNode envelope) {
        static EntryBody of(String logId, StoredEntry e) {
            return new EntryBody(logId, e.index(), hex(e.leafHash()), e.kind(), Json.tree(e.envelope()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatedLogBody(
            String logId, String origin, String logVerifierKey, String rootKeyId, String rootPrivateKeyPkcs8,
            List<ReceiptBody> receipts) {}

    record LogBody(String logId, String origin, String operatorName, String logVerifierKey, List<LogKeyBody> logKeys,
            long sequencedSize, long integratedSize, long checkpointSize) {}

    /** A note key of the log and the tree size it signs checkpoints from (as a trust policy's {@code logKeys}). */
    record LogKeyBody(String vkey, long fromSize) {}

    record GapBody(long fromSequence, long toSequence, long nextIndex) {
        static GapBody of(GapRange g) {
            return new GapBody(g.fromSequence(), g.toSequence(), g.nextEntryIndex());
        }
    }

    record GapsBody(String logId, String deviceId, long batches, List<GapBody> gaps) {}

    record HealthBody(String status) {}

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static List<String> b64(List<byte[]> hashes) {
        return hashes.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
    }
}
