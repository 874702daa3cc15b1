package org.cbamledger.service.bundle;

import java.sql.SQLException;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.cbamledger.service.store.StoredCheckpoint;

/** What the service holds about its checkpoints beyond the log's signature: witness cosignatures and timestamps. */
public interface CheckpointEvidence {
    /** No witnesses, no timestamps: checkpoints as the log signed them. */
    CheckpointEvidence NONE = new CheckpointEvidence() {
        @Override
        public StoredCheckpoint forExport(String logId, StoredCheckpoint latest) {
            return latest;
        }

        @Override
        public StoredCheckpoint cosigned(String logId, StoredCheckpoint checkpoint) {
            return checkpoint;
        }

        @Override
        public NavigableMap<Long, byte[]> timestamps(String logId, long maxSize) {
            return new TreeMap<>();
        }
    };

    /**
     * The checkpoint a bundle is proved against: with witnesses, a witnessed checkpoint at least as large as
     * {@code latest} (waiting a while for it), else {@code latest}; its note carries its cosignatures.
     */
    StoredCheckpoint forExport(String logId, StoredCheckpoint latest) throws SQLException;

    /** The checkpoint with the cosignature lines stored for it appended to its note. */
    StoredCheckpoint cosigned(String logId, StoredCheckpoint checkpoint) throws SQLException;

    /** RFC 3161 tokens (DER) over the log's checkpoints of sizes up to {@code maxSize}, by size. */
    NavigableMap<Long, byte[]> timestamps(String logId, long maxSize) throws SQLException;
}
