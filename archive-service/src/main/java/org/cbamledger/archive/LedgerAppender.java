package org.cbamledger.archive;

import org.cbamledger.signer.Envelope;

/** Appends a signed entry to an operator's log; implemented by the ledger service. */
public interface LedgerAppender {
    LedgerReceipt append(Envelope envelope) throws LedgerAppendException;
}
