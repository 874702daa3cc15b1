package org.cbamledger.archive;

import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;

/** Signs archive records with the submitter's keys and appends them to the ledger. */
public final class DocumentAnchoring {
    private final LedgerAppender ledger;
    private final SigningKey[] keys;

    public DocumentAnchoring(LedgerAppender ledger, SigningKey... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("anchoring needs at least one signing key");
        }
        this.ledger = ledger;
        this.keys = keys.clone();
    }

    public LedgerReceipt anchor(DocumentAnchor anchor) throws LedgerAppendException {
        return append(DocumentAnchor.KIND, anchor.toJsonBytes());
    }

    public LedgerReceipt recordErasure(DocumentErasure erasure) throws LedgerAppendException {
        return append(DocumentErasure.KIND, erasure.toJsonBytes());
    }

    private LedgerReceipt append(String kind, byte[] record) throws LedgerAppendException {
        Envelope envelope;
        try {
            envelope = Envelope.sign(kind, record, keys);
        } catch (SignerException e) {
            throw new LedgerAppendException("signing the " + kind + " record failed: " + e.getMessage(), e);
        }
        return ledger.append(envelope);
    }
}
