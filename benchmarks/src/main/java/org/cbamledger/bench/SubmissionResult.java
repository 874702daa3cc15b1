package org.cbamledger.bench;

import java.util.ArrayList;
import java.util.List;

/** What a submission window produced, and the time from submission to a covering checkpoint. */
record SubmissionResult(long acknowledgedEntries, long failedRequests, long elapsedNanos,
        List<SubmissionRun.Acknowledgement> acknowledgements, List<CheckpointWatcher.Observation> checkpoints) {

    /** Milliseconds from sending each entry to the first checkpoint that covers it, one value per entry batch. */
    List<Double> inclusionMillis() {
        List<Double> millis = new ArrayList<>();
        for (SubmissionRun.Acknowledgement ack : acknowledgements) {
            for (CheckpointWatcher.Observation seen : checkpoints) {
                if (seen.treeSize() > ack.maxIndex()) {
                    millis.add((seen.seenNanos() - ack.sentNanos()) / 1e6);
                    break;
                }
            }
        }
        return millis;
    }

    List<Double> acknowledgementMillis() {
        return acknowledgements.stream().map(a -> (a.acknowledgedNanos() - a.sentNanos()) / 1e6).toList();
    }
}
