package org.cbamledger.service.room.scope;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cbamledger.signer.map.SerialRange;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * What the entries already in a room make relevant: their meters, contracts, GO ranges, supplier installations,
 * emission factors, record ids, leaf hashes, documents, signing keys and parties. Each entry taken into the room
 * extends it ({@link #take}); rules only ever grow with it, so the fixed point is reached. Whether a reference
 * names records of the room only is the rules' question ({@link ScopeRules}), answered from the index.
 */
final class ScopeContext {
    /** The members that hold a record's own id, by kind: what a document-anchor's {@code recordRef} may name. */
    static final Map<String, List<String>> ID_POINTERS = Map.ofEntries(
            Map.entry(Kinds.INSTALLATION, List.of("/installationId")),
            Map.entry(Kinds.PRODUCTION_LINE, List.of("/lineId")),
            Map.entry(Kinds.METER, List.of("/meterId")),
            Map.entry(Kinds.METER_ROLE, List.of("/meterId")),
            Map.entry(Kinds.PRODUCTION_BATCH, List.of("/batchId")),
            Map.entry(Kinds.FUEL_CONSUMPTION, List.of("/recordId")),
            Map.entry(Kinds.ELECTRICITY_CONSUMPTION, List.of("/recordId")),
            Map.entry(Kinds.ALLOCATION_MODEL, List.of("/modelId")),
            Map.entry(Kinds.PPA_CONTRACT, List.of("/contractId", "/asset/assetId")),
            Map.entry(Kinds.PRECURSOR_PURCHASE, List.of("/purchaseId")),
            Map.entry(Kinds.SUPPLY_SETTLEMENT, List.of("/settlementId")),
            Map.entry(Kinds.GO_CANCELLATION, List.of("/cancellationId")),
            Map.entry(Kinds.GO_ISSUANCE, List.of("/issuanceId")),
            Map.entry(Kinds.GO_TRANSFER, List.of("/transferId")),
            Map.entry(Kinds.PRODUCER_DECLARATION, List.of("/declarationId")),
            Map.entry(Kinds.SUPPLIER_PRECURSOR_STATEMENT, List.of("/statementId")),
            Map.entry(Kinds.EMISSION_FACTOR, List.of("/factorId")),
            Map.entry(Kinds.CALCULATION, List.of("/calculationId")));
    /** Members naming a party, in any kind (absent members read as nothing). */
    static final List<String> PARTY_POINTERS = List.of("/operator", "/producerPartyId", "/supplierPartyId",
            "/buyerPartyId", "/accountHolderPartyId", "/beneficiary/partyId", "/fromPartyId", "/toPartyId", "/party",
            "/submitter", "/requestedBy");
    /** Arrays of go-cancellation ids: a settlement's GO handling and replacement, a producer's declaration. */
    static final List<String> CANCELLATION_POINTERS = List.of("/goHandling/goCancellationIds",
            "/replacement/goCancellationIds", "/goCancellationIds");
    /** Members naming an emission-factor record by its factorId. */
    static final List<String> FACTOR_POINTERS = List.of("/emissionFactorId", "/electricityEmissionFactorId");

    final Set<String> meterIds = new HashSet<>();
    final Set<String> contractIds = new HashSet<>();
    final Set<String> assetIds = new HashSet<>();
    final Set<String> generatorMeterIds = new HashSet<>();
    final List<SerialRange> goRanges = new ArrayList<>();
    final Set<String> cancellationIds = new HashSet<>();
    final Set<String> supplierInstallationIds = new HashSet<>();
    final Set<String> factorIds = new HashSet<>();
    final Set<String> recordRefs = new HashSet<>();
    final Set<String> leafHashes = new HashSet<>();
    final Set<String> anchoredSha256s = new HashSet<>();
    final Set<String> signerKeyIds = new HashSet<>();
    final Set<String> registeredKeyIds = new HashSet<>();
    final Set<String> partyIds = new HashSet<>();
    /**
     * The reading batches taken in bulk ({@link ScopeReadings}), not read one by one: what they would add to the
     * context is their signing keys (added), their leaf hashes and record references (asked of the log by
     * {@link ScopeRules} when needed, by these indexes). Their record names no party, factor or cancellation.
     */
    final Set<Long> readingIndexes = new HashSet<>();

    private final RoomDefinition room;

    /** The context of an empty room, knowing the statements it covers. */
    ScopeContext(RoomDefinition room, List<ScopeStatement> coveredStatements) {
        this.room = room;
        for (ScopeStatement statement : coveredStatements) {
            recordRefs.add(statement.statementId());
            recordRefs.add("emissions-statement/" + statement.statementId());
            // the statement's JWS is checked offline against the registration of the key that signed it
            signerKeyIds.add(statement.keyId());
            addIfPresent(partyIds, statement.json(), "/issued/issuer");
            addIfPresent(partyIds, statement.json(), "/issued/recipient");
        }
    }

    /** Extends the context by reading batches found in bulk, those already taken one by one among them. */
    void take(ScopeReadings readings) {
        for (long index : readings.indexes()) {
            readingIndexes.add(index);
        }
        signerKeyIds.addAll(readings.signerKeyIds());
    }

    /** Extends the context by an entry taken into the room. */
    void take(ScopeEntry entry) {
        add(entry);
    }

    private void add(ScopeEntry entry) {
        JsonNode record = entry.record();
        String kind = entry.kind();
        boolean ours = room.installationId().equals(entry.text("/installationId"));
        leafHashes.add(entry.leafHashHex());
        signerKeyIds.addAll(entry.signerKeyIds());
        PARTY_POINTERS.forEach(p -> addIfPresent(partyIds, record, p));
        FACTOR_POINTERS.forEach(p -> addIfPresent(factorIds, record, p));
        CANCELLATION_POINTERS.forEach(p -> cancellationIds.addAll(ScopeFields.each(record, p, "")));
        recordRefs.addAll(refs(entry));
        switch (kind) {
            case Kinds.METER, Kinds.METER_ROLE -> {
                if (ours) {
                    addIfPresent(meterIds, record, "/meterId");
                }
            }
            case Kinds.PPA_CONTRACT -> {
                if (ours) {
                    addIfPresent(contractIds, record, "/contractId");
                    addIfPresent(assetIds, record, "/asset/assetId");
                    addIfPresent(generatorMeterIds, record, "/asset/generatorMeterId");
                }
            }
            case Kinds.GO_ISSUANCE, Kinds.GO_CANCELLATION -> ScopeRules.serialRange(record).ifPresent(goRanges::add);
            case Kinds.PRECURSOR_PURCHASE -> addIfPresent(supplierInstallationIds, record, "/supplierInstallationId");
            case Kinds.PRODUCTION_BATCH -> supplierInstallationIds.addAll(
                    ScopeFields.each(record, "/precursors", "supplierInstallationId"));
            case Kinds.DOCUMENT_ANCHOR -> addIfPresent(anchoredSha256s, record, "/sha256");
            case Kinds.KEY_REGISTRATION -> addIfPresent(registeredKeyIds, record, "/keyId");
            default -> {}
        }
    }

    /**
     * What a document-anchor's {@code recordRef} may call this entry's record: its own id, alone or after its kind
     * ({@code ppa-contract/PPA-1}), and a reading batch by device or meter and sequence
     * ({@code meter-reading-batch/gw-7/1042}).
     */
    static List<String> refs(ScopeEntry entry) {
        String kind = entry.kind();
        List<String> refs = new ArrayList<>();
        for (String pointer : ID_POINTERS.getOrDefault(kind, List.of())) {
            String id = entry.text(pointer);
            if (id != null) {
                refs.add(id);
                refs.add(kind + "/" + id);
            }
        }
        if (kind.equals(Kinds.METER_READING_BATCH)) {
            String sequence = entry.record().path("sequence").toString();
            refs.add(kind + "/" + entry.text("/deviceId") + "/" + sequence);
            refs.add(kind + "/" + entry.text("/meterId") + "/" + sequence);
        }
        return refs;
    }

    private void addIfPresent(Set<String> set, JsonNode record, String pointer) {
        String value = ScopeFields.text(record, pointer);
        if (value != null) {
            set.add(value);
        }
    }
}
