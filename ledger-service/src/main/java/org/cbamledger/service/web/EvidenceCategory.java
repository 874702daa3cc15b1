package org.cbamledger.service.web;

import java.util.List;
import org.cbamledger.spec.Kinds;

/**
 * The evidence a verifier looks for per installation and period (seed 004's readiness review), by the record kinds
 * that carry it. Generator metering ({@code generation-data}) counts as metering.
 */
enum EvidenceCategory {
    PRODUCTION("production", Kinds.PRODUCTION_BATCH),
    FUEL("fuel", Kinds.FUEL_CONSUMPTION),
    METERING("metering", Kinds.METER, Kinds.METER_ROLE, Kinds.METER_READING_BATCH, Kinds.ELECTRICITY_CONSUMPTION, Kinds.GENERATION_DATA),
    ALLOCATION_MODEL("allocation model", Kinds.ALLOCATION_MODEL),
    PPA_CONTRACT("PPA contract", Kinds.PPA_CONTRACT),
    SETTLEMENTS("settlements", Kinds.SUPPLY_SETTLEMENT),
    GO_CANCELLATIONS("GO cancellations", Kinds.GO_CANCELLATION),
    PRODUCER_DECLARATION("producer declaration", Kinds.PRODUCER_DECLARATION),
    SUPPLIER_STATEMENTS("supplier statements", Kinds.SUPPLIER_PRECURSOR_STATEMENT),
    CALCULATION("calculation", Kinds.CALCULATION),
    STATEMENT("statement", Kinds.EMISSIONS_STATEMENT);

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
