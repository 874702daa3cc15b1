package org.cbamledger.archive;

/** Where a document stands in the archive. */
public enum DocumentStatus {
    STORED,
    ERASED,
    ABSENT
}
