package org.cbamledger.connector.forward;

import java.time.Duration;

/** What the ledger answered to one submission. */
public sealed interface SubmitOutcome {
    /** 201 (new) or 200 (replay of an identical envelope): the receipt body. */
    record Accepted(int status, byte[] receiptJson) implements SubmitOutcome {}

    /** The ledger refused this envelope for good (a 4xx that retrying cannot fix). */
    record Rejected(int status, String problem) implements SubmitOutcome {}

    /** The ledger could not be reached or asked us to come back later. */
    record Unavailable(String reason, Duration retryAfter) implements SubmitOutcome {}
}
