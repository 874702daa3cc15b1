package org.cbamledger.service.room.scope;

import java.util.Set;

/**
 * Reading batches a room's meters found in its period ({@link ScopeSource#readings}): their leaf indexes ascending,
 * the meter of each (same position), and the key ids that signed any of them.
 */
record ScopeReadings(long[] indexes, String[] meterIds, Set<String> signerKeyIds) {}
