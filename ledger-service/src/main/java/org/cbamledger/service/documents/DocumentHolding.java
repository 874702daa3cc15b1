package org.cbamledger.service.documents;

import java.util.Optional;
import org.cbamledger.archive.DocumentErasure;

/** A log's hold on an archived document: held, or erased by that log with its erasure record. */
public record DocumentHolding(String sha256, Optional<DocumentErasure> erasure) {
    public boolean readable() {
        return erasure.isEmpty();
    }
}
