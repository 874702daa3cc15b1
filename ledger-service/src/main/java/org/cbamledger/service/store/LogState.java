package org.cbamledger.service.store;

/** How far each stage of a log's write path has come. */
public record LogState(long sequencedSize, long integratedSize, byte[] integratedRoot) {}
