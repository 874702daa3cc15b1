package org.cbamledger.calculation.method;

/** The emissions one precursor from one supplier installation brings into the good, and where they come from. */
public record PrecursorLine(
        String supplierInstallationId,
        String cnCode,
        String countryCode,
        PrecursorSource source,
        String massFigureId,
        String directFigureId,
        String indirectFigureId) {}
