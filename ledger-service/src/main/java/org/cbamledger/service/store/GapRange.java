package org.cbamledger.service.store;

/** Sequence numbers a device skipped, inclusive, and the leaf of the batch that came after the gap. */
public record GapRange(long fromSequence, long toSequence, long nextEntryIndex) {}
