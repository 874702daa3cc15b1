package org.cbamledger.verifier.bundle;

/** A consistency proof file between two bundled checkpoint sizes. */
public record ConsistencyFile(long fromSize, long toSize, String file) {}
