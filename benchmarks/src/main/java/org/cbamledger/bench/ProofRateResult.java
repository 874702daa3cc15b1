package org.cbamledger.bench;

record ProofRateResult(long servedProofs, long failedRequests, long elapsedNanos, long treeSize) {
    double proofsPerSecond() {
        return servedProofs / (elapsedNanos / 1e9);
    }
}
