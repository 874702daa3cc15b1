package org.cbamledger.service.web;

import java.util.List;

/**
 * The evidence a verifier looks for per installation and period (seed 004's readiness review), by the record kinds
 * that carry it. Generator metering ({@code generation-data}) counts as metering.
 */
enum EvidenceCategory {
    PRODUCTION("production", "production-batch"),
    FUEL("fuel", "fuel-consumption"),
    METERING("metering", "meter", "meter-role", "meter-reading-batch", "electricity-consumption", "generation-data"),
    ALLOCATION_MODEL("allocation model", "allocation-model"),
    PPA_CONTRACT("PPA contract", "ppa-contract"),
    SETTLEMENTS("settlements", "supply-settlement"),
    GO_CANCELLATIONS("GO cancellations", "go-cancellation"),
    PRODUCER_DECLARATION("producer declaration", "producer-declaration"),
    SUPPLIER_STATEMENTS("supplier statements", "supplier-precursor-statement"),
    CALCULATION("calculation", "calculation"),
    STATEMENT("statement", "emissions-statement");

    private final String label;
    private final List<String> kinds;

    EvidenceCategory(String label, String... kinds) {
        this.label = label;
        this.kinds = List.of(kinds);
    }

    String label() {
        return label;
    }

    List<String> kinds() {
        return kinds;
    }
}
