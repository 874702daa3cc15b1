package org.cbamledger.service.log;

/** A signed checkpoint the log published. */
public record StoredCheckpoint(long treeSize, byte[] rootHash, String signedNote) {}
