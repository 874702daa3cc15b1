package org.cbamledger.service.room.scope;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import org.cbamledger.signer.map.SerialRange;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * Whether one entry belongs in a room, given what is already in it: the reason, or null. Field rules read the
 * record alone (installation, period, CN code); the others follow references from entries already in the room
 * (meters, contracts, GO ranges, supplier installations, factors, documents, keys, parties).
 */
final class ScopeRules {
    private final RoomDefinition room;
    private final ScopeContext in;
    private final ScopeSource log;
    private final Set<Long> taken;

    /** The rules over a room that holds {@code taken} (its context {@code in}), looking up {@code log}. */
    ScopeRules(RoomDefinition room, ScopeContext in, ScopeSource log, Set<Long> taken) {
        this.room = room;
        this.in = in;
        this.log = log;
        this.taken = taken;
    }

    String reason(ScopeEntry entry) throws SQLException {
        if (entry.isCorrection()) {
            if (entry.supersedesLeafHash() != null && inContext(entry.supersedesLeafHash())) {
                return "correction of leaf " + log.indexOfLeafHash(entry.supersedesLeafHash());
            }
            String replacement = recordReason(entry);
            return replacement == null ? null : "correction whose replacement is a " + replacement;
        }
        return recordReason(entry);
    }

    private String recordReason(ScopeEntry e) throws SQLException {
        String installationReason = installationReason(e);
        return installationReason != null ? installationReason : referenceReason(e);
    }

    /**
     * The field rules: records of the room's installation, by their dates; every entry the index lists under the
     * room's scope keys, and production batches of the room's CN codes.
     */
    private String installationReason(ScopeEntry e) {
        String kind = e.kind();
        if (!room.installationId().equals(e.text("/installationId"))) {
            return null;
        }
        if (RoomScope.listed(room, e.record())) {
            return switch (kind) {
                case Kinds.PRECURSOR_PURCHASE -> "precursor-purchase delivered in period";
                case Kinds.SUPPLY_SETTLEMENT -> "supply-settlement of contract " + e.text("/contractId")
                        + " for a month in period";
                default -> kind + " of the installation in period";
            };
        }
        return switch (kind) {
            case Kinds.INSTALLATION -> "installation " + room.installationId();
            case Kinds.PRODUCTION_LINE -> "production-line " + e.text("/lineId") + " of the installation";
            case Kinds.METER, Kinds.METER_ROLE -> kind + " " + e.text("/meterId") + " of the installation";
            case Kinds.PRODUCTION_BATCH -> {
                String cn = ScopeFields.cnCode(e.text("/cnCode"));
                yield ScopeFields.coversCnCode(room, cn) && overlaps(e, "/periodFrom", "/periodTo")
                        ? "production-batch of " + cn + " in period" : null;
            }
            case Kinds.PPA_CONTRACT -> overlaps(e, "/periodFrom", "/periodTo") ? kind + " of the installation in period" : null;
            default -> null;
        };
    }

    /** The reference rules: records that entries of the room name, or that name entries of the room. */
    private String referenceReason(ScopeEntry e) throws SQLException {
        String kind = e.kind();
        return switch (kind) {
            case Kinds.METER_READING_BATCH -> in.meterIds.contains(e.text("/meterId")) && e.seriesInPeriod(room)
                    ? readingsReason(e.text("/meterId")) : null;
            case Kinds.GENERATION_DATA -> (in.assetIds.contains(e.text("/assetId"))
                    || in.generatorMeterIds.contains(e.text("/meterId"))) && e.seriesInPeriod(room)
                    ? "generation of contracted asset " + e.text("/assetId") + " in period" : null;
            // go-issuance has no contractId (schema): the contract's asset names it
            case Kinds.GO_ISSUANCE -> in.assetIds.contains(e.text("/assetId")) && overlaps(e, "/productionFrom", "/productionTo")
                    ? "go-issuance for contracted asset " + e.text("/assetId") + " in period" : null;
            case Kinds.GO_CANCELLATION -> cancellationReason(e);
            case Kinds.PRODUCER_DECLARATION -> in.contractIds.contains(e.text("/contractId")) && declaresAMonthInPeriod(e)
                    ? "producer-declaration on contract " + e.text("/contractId") + " for a month in period" : null;
            case Kinds.GO_TRANSFER -> withinRoomRange(e.record()) ? "go-transfer within a GO range of the room" : null;
            case Kinds.SUPPLIER_PRECURSOR_STATEMENT -> in.supplierInstallationIds.contains(e.text("/supplierInstallationId"))
                    && overlaps(e, "/periodFrom", "/periodTo")
                    ? "statement of supplier installation " + e.text("/supplierInstallationId") + " in period" : null;
            case Kinds.EMISSION_FACTOR -> in.factorIds.contains(e.text("/factorId"))
                    ? "emission-factor " + e.text("/factorId") + " used by the room's records" : null;
            case Kinds.CALCULATION -> RoomScope.listed(room, e.record())
                    ? "calculation of " + ScopeFields.cnCode(e.text("/cnCode")) + " in period" : null;
            case Kinds.DOCUMENT_ANCHOR -> supportReason(e.record());
            case Kinds.DOCUMENT_ERASURE -> in.anchoredSha256s.contains(e.text("/sha256"))
                    ? "erasure of a document of the room" : null;
            case Kinds.KEY_REGISTRATION -> in.signerKeyIds.contains(e.text("/keyId"))
                    ? "key-registration of a key that signed entries of the room" : null;
            case Kinds.KEY_REVOCATION -> in.registeredKeyIds.contains(e.text("/keyId"))
                    ? "key-revocation of a key of the room" : null;
            case Kinds.LOG_KEY_ROTATION -> "log-key-rotation: hands over the key that signs the room's checkpoints";
            case Kinds.PARTY -> in.partyIds.contains(e.text("/partyId"))
                    ? "party " + e.text("/partyId") + " named by the room's records" : null;
            default -> null;
        };
    }

    /** Why a reading batch of a meter of the room is in it (read one by one or in bulk alike). */
    static String readingsReason(String meterId) {
        return "readings of meter " + meterId + " in period";
    }

    private String cancellationReason(ScopeEntry e) {
        if (!overlaps(e, "/productionFrom", "/productionTo")) {
            return null;
        }
        if (in.cancellationIds.contains(e.text("/cancellationId"))) {
            return "go-cancellation " + e.text("/cancellationId") + " named by a settlement or declaration of the room";
        }
        // the beneficiary check keeps out another buyer's cancellations from the same asset
        boolean contracted = in.contractIds.contains(e.text("/contractId")) || in.assetIds.contains(e.text("/assetId"));
        return contracted && room.installationId().equals(e.text("/beneficiary/installationId"))
                ? "go-cancellation for the installation's contract in period" : null;
    }

    private String supportReason(JsonNode anchor) throws SQLException {
        for (JsonNode support : anchor.path("supports").values()) {
            String leafHash = ScopeFields.text(support, "/leafHash");
            if (leafHash != null && inContext(leafHash)) {
                return "document supporting leaf " + log.indexOfLeafHash(leafHash);
            }
            String ref = ScopeFields.text(support, "/recordRef");
            // an id that a record outside the room also has may name that one: the document stays out
            if (ref != null && namesOnlyTheRoom(ref)) {
                return "document supporting " + ref;
            }
        }
        return null;
    }

    /** True when a record in the room has this reference and none outside it does. */
    private boolean namesOnlyTheRoom(String ref) throws SQLException {
        if (in.recordRefs.contains(ref)) {
            return taken.containsAll(log.holding(ref));
        }
        if (in.readingIndexes.isEmpty()) {
            return false;
        }
        Set<Long> holders = log.holding(ref);
        return holders.stream().anyMatch(in.readingIndexes::contains) && taken.containsAll(holders);
    }

    /** True when an entry of the context has this leaf hash (a log holds each leaf hash once). */
    private boolean inContext(String leafHash) throws SQLException {
        if (in.leafHashes.contains(leafHash)) {
            return true;
        }
        Long index = in.readingIndexes.isEmpty() ? null : log.indexOfLeafHash(leafHash);
        return index != null && in.readingIndexes.contains(index);
    }

    private boolean overlaps(ScopeEntry e, String fromPointer, String toPointer) {
        LocalDate from = ScopeFields.date(e.record(), fromPointer);
        LocalDate to = ScopeFields.date(e.record(), toPointer);
        return from != null && to != null && !to.isBefore(from) && room.overlaps(from, to);
    }

    private boolean declaresAMonthInPeriod(ScopeEntry e) {
        for (JsonNode month : e.record().path("months").values()) {
            if (monthOverlaps(month, "/month")) {
                return true;
            }
        }
        return false;
    }

    private boolean monthOverlaps(JsonNode record, String pointer) {
        YearMonth month = ScopeFields.month(record, pointer);
        return month != null && room.overlaps(month.atDay(1), month.atEndOfMonth());
    }

    /** Same registry and series, and first..last inside a range issued or cancelled in the room. */
    private boolean withinRoomRange(JsonNode transfer) {
        Optional<SerialRange> range = serialRange(transfer);
        return range.isPresent() && in.goRanges.stream().anyMatch(r -> r.registry().equals(range.get().registry())
                && r.prefix().equals(range.get().prefix()) && r.digits() == range.get().digits()
                && range.get().first() >= r.first() && range.get().last() <= r.last());
    }

    static Optional<SerialRange> serialRange(JsonNode record) {
        String registry = ScopeFields.text(record, "/registry");
        String first = ScopeFields.text(record, "/firstSerial");
        String last = ScopeFields.text(record, "/lastSerial");
        if (registry == null || first == null || last == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SerialRange.parse(registry, first, last));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
