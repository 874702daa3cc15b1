package org.cbamledger.archive;

/** The outcome of an intake: the anchor record, and whether this call stored the blob (false: already held). */
public record ArchivedDocument(DocumentAnchor anchor, boolean newlyStored) {}
