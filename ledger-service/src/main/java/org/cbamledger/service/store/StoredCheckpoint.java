package org.cbamledger.service.store;

/** A signed checkpoint the log published. */
public record StoredCheckpoint(long treeSize, byte[] rootHash, String signedNote) {}
