package org.cbamledger.archive;

import java.util.List;
import java.util.Optional;

/**
 * Who submits a document and what it supports. {@code submitter} is the party or key id of the
 * submitter (not a person's name); {@code fileName} helps media type detection and is recorded.
 */
public record DocumentSubmission(Optional<String> fileName, String submitter, List<SupportRef> supports) {
    public DocumentSubmission {
        RecordFields.requireIdentifier(submitter, "submitter");
        fileName.ifPresent(RecordFields::requireFileName);
        supports = List.copyOf(supports);
    }
}
