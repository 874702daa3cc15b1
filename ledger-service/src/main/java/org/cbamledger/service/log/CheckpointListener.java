package org.cbamledger.service.log;

import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.StoredCheckpoint;

/**
 * Told of the latest checkpoint after every publishing round (also when it did not change). Runs on the log's
 * publisher thread: it must return at once and never block, or it delays the next checkpoint.
 */
public interface CheckpointListener {
    void published(LogInfo log, StoredCheckpoint latest);
}
