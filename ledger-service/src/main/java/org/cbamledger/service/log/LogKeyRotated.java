package org.cbamledger.service.log;

/** A log's note key rotated: the new key's C2SP vkey line, and the tree size from which it signs checkpoints. */
public record LogKeyRotated(String newLogVerifierKey, long fromSize) {}
