package org.cbamledger.spec;

import java.util.List;
import java.util.Set;

/** The record kinds of schema version v1: each has schemas/v1/<kind>.schema.json on the classpath. */
public final class Kinds {
    public static final String PARTY = "party";
    public static final String KEY_REGISTRATION = "key-registration";
    public static final String KEY_REVOCATION = "key-revocation";
    public static final String INSTALLATION = "installation";
    public static final String METER = "meter";
    public static final String METER_READING_BATCH = "meter-reading-batch";
    public static final String CORRECTION = "correction";
    public static final String DOCUMENT_ANCHOR = "document-anchor";
    public static final String DOCUMENT_ERASURE = "document-erasure";
    public static final String PRODUCTION_LINE = "production-line";
    public static final String PRODUCTION_BATCH = "production-batch";
    public static final String FUEL_CONSUMPTION = "fuel-consumption";
    public static final String EMISSION_FACTOR = "emission-factor";
    public static final String PRECURSOR_PURCHASE = "precursor-purchase";
    public static final String SUPPLIER_PRECURSOR_STATEMENT = "supplier-precursor-statement";
    public static final String ELECTRICITY_CONSUMPTION = "electricity-consumption";
    public static final String CALCULATION = "calculation";
    public static final String EMISSIONS_STATEMENT = "emissions-statement";
    public static final String PPA_CONTRACT = "ppa-contract";
    public static final String GENERATION_DATA = "generation-data";
    public static final String SUPPLY_SETTLEMENT = "supply-settlement";
    public static final String GO_ISSUANCE = "go-issuance";
    public static final String GO_TRANSFER = "go-transfer";
    public static final String GO_CANCELLATION = "go-cancellation";
    public static final String PRODUCER_DECLARATION = "producer-declaration";
    public static final String METER_ROLE = "meter-role";
    public static final String ALLOCATION_MODEL = "allocation-model";
    /** Written by the ledger service and signed by the log's own key, never submitted (CONTRACTS.md). */
    public static final String ROOM_ACCESS = "room-access";
    /** Written by the ledger service and signed by the log's own key, never submitted (CONTRACTS.md). */
    public static final String ROOM_GRANT = "room-grant";
    /** Written by the ledger service and signed by the log's own key: the root of the log's verifiable index. */
    public static final String INDEX_COMMITMENT = "index-commitment";
    /**
     * Written by the ledger service, signed by the log's old and new key: checkpoints from a tree size on are
     * signed by the new key (api-spec/POLICY.md, rotation).
     */
    public static final String LOG_KEY_ROTATION = "log-key-rotation";

    /** Every known kind, in the order a log typically first sees them. */
    public static final List<String> ALL = List.of(
            PARTY, KEY_REGISTRATION, KEY_REVOCATION, INSTALLATION, METER, METER_READING_BATCH, CORRECTION,
            DOCUMENT_ANCHOR, DOCUMENT_ERASURE, PRODUCTION_LINE, PRODUCTION_BATCH, FUEL_CONSUMPTION, EMISSION_FACTOR,
            PRECURSOR_PURCHASE, SUPPLIER_PRECURSOR_STATEMENT, ELECTRICITY_CONSUMPTION, CALCULATION,
            EMISSIONS_STATEMENT, PPA_CONTRACT, GENERATION_DATA, SUPPLY_SETTLEMENT, GO_ISSUANCE, GO_TRANSFER,
            GO_CANCELLATION, PRODUCER_DECLARATION, METER_ROLE, ALLOCATION_MODEL, ROOM_ACCESS, ROOM_GRANT,
            INDEX_COMMITMENT, LOG_KEY_ROTATION);

    /**
     * Kinds the ledger service writes itself, signed by the log's own key; the entry endpoints refuse them
     * whoever signs them, and the verifier accepts them only under the log key (CONTRACTS.md).
     */
    public static final Set<String> LOG_AUTHORED = Set.of(ROOM_ACCESS, ROOM_GRANT, INDEX_COMMITMENT, LOG_KEY_ROTATION);

    /**
     * Kinds whose records claim something one deployment may hold once (GO serial ranges, a settlement's volume):
     * checked against the deployment's claim map when appended. A correction may not replace one: the replacement's
     * claim would pass around that map, and the original's would stay claimed (CONTRACTS.md).
     */
    public static final Set<String> CLAIMING = Set.of(GO_CANCELLATION, SUPPLY_SETTLEMENT);

    private Kinds() {}

    public static boolean isKnown(String kind) {
        return ALL.contains(kind);
    }

    public static boolean isLogAuthored(String kind) {
        return LOG_AUTHORED.contains(kind);
    }

    public static boolean isClaiming(String kind) {
        return CLAIMING.contains(kind);
    }
}
