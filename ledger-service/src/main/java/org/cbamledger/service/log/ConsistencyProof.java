package org.cbamledger.service.log;

import java.util.List;

/** RFC 9162 §2.1.4 consistency proof between the trees of sizes {@code from} and {@code to}. */
public record ConsistencyProof(long from, long to, List<byte[]> hashes) {}
