package org.cbamledger.bench;

/** {@code checkedProofs}: answers verified against the checkpoint's root; {@code wrongProofs}: those that failed. */
record ProofRateResult(long servedProofs, long failedRequests, long checkedProofs, long wrongProofs, long elapsedNanos,
        long treeSize) {
    double proofsPerSecond() {
        return servedProofs / (elapsedNanos / 1e9);
    }
}
