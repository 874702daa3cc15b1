package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SignerException;
import org.cbamledger.verifier.BundleContext;
import org.cbamledger.verifier.Loaded;
import org.cbamledger.verifier.bundle.ManifestEntry;

/**
 * The bundled entries as the calculation engine reads them. Entries that do not parse are left out: the entry
 * checks report them, and a figure that needed one then differs.
 */
final class BundledEvidence {
    private BundledEvidence() {}

    /** Every readable bundled entry with a leaf index below {@code treeSize}. */
    static List<EvidenceRecord> before(BundleContext context, long treeSize) {
        List<EvidenceRecord> evidence = new ArrayList<>();
        for (ManifestEntry entry : context.manifest().entries()) {
            if (entry.index() >= treeSize) {
                continue;
            }
            Loaded<Envelope> envelope = context.envelope(entry.index());
            if (!envelope.ok()) {
                continue;
            }
            try {
                evidence.add(EvidenceRecord.fromEnvelope(envelope.value(), entry.index()));
            } catch (SignerException | IllegalArgumentException e) {
                // Not a JSON object record: EntryFormatCheck reports it.
            }
        }
        return evidence;
    }
}
