package org.cbamledger.archive;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.signer.Envelope;

/** The ledger side of {@link LedgerAppender} as a list, for tests of what the archive hands over. */
final class InMemoryLedger implements LedgerAppender {
    final List<Envelope> entries = new ArrayList<>();

    @Override
    public LedgerReceipt append(Envelope envelope) {
        entries.add(envelope);
        return new LedgerReceipt(entries.size() - 1, HexFormat.of().formatHex(envelope.leafHash()));
    }
}
