package org.cbamledger.service.log;

import java.util.List;

/** RFC 9162 §2.1.3 inclusion proof of leaf {@code index} in the tree of size {@code treeSize}. */
public record InclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> hashes) {}
