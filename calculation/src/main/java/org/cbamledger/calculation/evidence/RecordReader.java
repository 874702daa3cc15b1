package org.cbamledger.calculation.evidence;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.trace.TraceInput.EvidenceRef;
import tools.jackson.databind.JsonNode;

/** Reads fields of one evidence record by JSON Pointer; every number comes back as an {@link EvidenceRef}. */
public final class RecordReader {
    private final EvidenceRecord evidence;

    public RecordReader(EvidenceRecord evidence) {
        this.evidence = evidence;
    }

    public EvidenceRecord evidence() {
        return evidence;
    }

    public EvidenceRef decimal(String pointer) throws CalculationException {
        return optionalDecimal(pointer).orElseThrow(() -> missing(pointer));
    }

    public Optional<EvidenceRef> optionalDecimal(String pointer) throws CalculationException {
        JsonNode node = evidence.record().at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!Decimals.isDecimal(node)) {
            throw new CalculationException(evidence.describe() + ": " + pointer + " must be a decimal");
        }
        return Optional.of(new EvidenceRef(evidence.leafIndex(), evidence.leafHashHex(), evidence.entryKind(),
                evidence.pointerBase() + pointer, Decimals.fromJson(node)));
    }

    public String text(String pointer) throws CalculationException {
        return optionalText(pointer).orElseThrow(() -> missing(pointer));
    }

    public Optional<String> optionalText(String pointer) throws CalculationException {
        JsonNode node = evidence.record().at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw new CalculationException(evidence.describe() + ": " + pointer + " must be a string");
        }
        return Optional.of(node.asString());
    }

    public boolean flag(String pointer) throws CalculationException {
        JsonNode node = evidence.record().at(pointer);
        if (!node.isBoolean()) {
            throw new CalculationException(evidence.describe() + ": " + pointer + " must be true or false");
        }
        return node.asBoolean();
    }

    public LocalDate date(String pointer) throws CalculationException {
        String value = text(pointer);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CalculationException(evidence.describe() + ": " + pointer + " must be a date (YYYY-MM-DD), not " + value, e);
        }
    }

    public JsonNode node(String pointer) {
        return evidence.record().at(pointer);
    }

    public CalculationException missing(String pointer) {
        return new CalculationException(evidence.describe() + ": " + pointer + " is missing");
    }
}
