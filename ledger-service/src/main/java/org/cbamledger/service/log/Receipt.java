package org.cbamledger.service.log;

/** Proof of sequencing: the entry's durable index. {@code created} is false for a replay. */
public record Receipt(String logId, long index, byte[] leafHash, boolean created) {}
