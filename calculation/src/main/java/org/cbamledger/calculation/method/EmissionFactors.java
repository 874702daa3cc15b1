package org.cbamledger.calculation.method;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.trace.TraceInput;
import org.cbamledger.calculation.trace.TraceInput.EvidenceRef;

/** The {@code emission-factor} records of the evidence, by {@code factorId}; a factor is used in its declared unit only. */
public final class EmissionFactors {
    private final Map<String, RecordReader> byId = new HashMap<>();
    private final Set<EvidenceRecord> consulted;

    public EmissionFactors(Iterable<EvidenceRecord> records, Set<EvidenceRecord> consulted) throws CalculationException {
        this.consulted = consulted;
        for (EvidenceRecord record : records) {
            RecordReader reader = new RecordReader(record);
            RecordReader previous = byId.put(reader.text("/factorId"), reader);
            if (previous != null) {
                throw new CalculationException("two emission-factor records with factorId " + reader.text("/factorId")
                        + " (leaf " + previous.evidence().leafIndex() + " and leaf " + record.leafIndex() + ")");
            }
        }
    }

    /**
     * The factor of a record: given inline at {@code inlinePointer}, or referenced by id at {@code idPointer}; the
     * referenced record's {@code unit} must be {@code unit}.
     */
    public TraceInput factor(RecordReader record, String inlinePointer, String idPointer, String unit)
            throws CalculationException {
        Optional<EvidenceRef> inline = record.optionalDecimal(inlinePointer);
        Optional<String> factorId = record.optionalText(idPointer);
        if (inline.isPresent() == factorId.isPresent()) {
            throw new CalculationException(record.evidence().describe() + ": give exactly one of " + inlinePointer + " and " + idPointer);
        }
        if (inline.isPresent()) {
            return inline.get();
        }
        RecordReader factor = byId.get(factorId.get());
        if (factor == null) {
            throw new CalculationException(record.evidence().describe() + ": " + idPointer + " names emission factor "
                    + factorId.get() + ", which is not in the evidence");
        }
        String factorUnit = factor.text("/unit");
        if (!factorUnit.equals(unit)) {
            throw new CalculationException(record.evidence().describe() + ": emission factor " + factorId.get()
                    + " is in " + factorUnit + ", expected " + unit);
        }
        consulted.add(factor.evidence());
        return factor.decimal("/value");
    }
}
