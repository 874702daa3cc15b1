package org.cbamledger.service.room.scope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cbamledger.signer.index.IndexKey;
import org.cbamledger.signer.index.IndexKeys;
import org.cbamledger.signer.map.SerialRange;
import org.cbamledger.spec.Kinds;

/**
 * The keys of the room index: under which an entry can be found ({@link #of}), and which keys a room's context asks
 * for ({@link #wanted}). Every rule of {@link ScopeRules} that depends on what the room holds takes an entry only when
 * one of its keys is wanted (the rest of the rule reads the entry's own fields), so an entry found under a key and
 * left out stays out until another of its keys is wanted; the rules that cannot be keyed that way (a document
 * supporting a record whose id no record outside the room has, a correction, a log-key rotation) put their entries
 * under {@link #ALWAYS}, judged again in every round.
 */
final class ScopeKeys {
    static final String ALWAYS = "always";
    /** The prefix of a meter's key: what its reading batches are found under. */
    static final String METER = "meter:";

    private ScopeKeys() {}

    static Set<String> of(ScopeEntry e) {
        Set<String> keys = new LinkedHashSet<>();
        add(keys, "installation:", e.text("/installationId"));
        for (IndexKey key : IndexKeys.of(e.record())) {
            add(keys, "installation:", key.installationId());
        }
        if (always(e)) {
            keys.add(ALWAYS);
        }
        switch (e.kind()) {
            case Kinds.METER_READING_BATCH -> add(keys, METER, e.text("/meterId"));
            case Kinds.GENERATION_DATA -> {
                add(keys, "asset:", e.text("/assetId"));
                add(keys, "generator-meter:", e.text("/meterId"));
            }
            case Kinds.GO_ISSUANCE -> add(keys, "asset:", e.text("/assetId"));
            case Kinds.GO_CANCELLATION -> {
                add(keys, "cancellation:", e.text("/cancellationId"));
                add(keys, "contract:", e.text("/contractId"));
                add(keys, "asset:", e.text("/assetId"));
            }
            case Kinds.PRODUCER_DECLARATION -> add(keys, "contract:", e.text("/contractId"));
            case Kinds.GO_TRANSFER -> ScopeRules.serialRange(e.record()).ifPresent(r -> keys.add(series(r)));
            case Kinds.SUPPLIER_PRECURSOR_STATEMENT -> add(keys, "supplier-installation:", e.text("/supplierInstallationId"));
            case Kinds.EMISSION_FACTOR -> add(keys, "factor:", e.text("/factorId"));
            case Kinds.DOCUMENT_ERASURE -> add(keys, "erasure:", e.text("/sha256"));
            case Kinds.KEY_REGISTRATION -> add(keys, "registration:", e.text("/keyId"));
            case Kinds.KEY_REVOCATION -> add(keys, "revocation:", e.text("/keyId"));
            case Kinds.PARTY -> add(keys, "party:", e.text("/partyId"));
            default -> {}
        }
        ScopeContext.refs(e).forEach(ref -> keys.add(ref(ref)));
        return keys;
    }

    /** True for the entries judged in every round: corrections, document anchors, log-key rotations. */
    static boolean always(ScopeEntry e) {
        return e.isCorrection() || e.kind().equals(Kinds.DOCUMENT_ANCHOR) || e.kind().equals(Kinds.LOG_KEY_ROTATION);
    }

    /** What a room with this context looks for: its installation, and every id its records name. */
    static Set<String> wanted(RoomDefinition room, ScopeContext in) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(ALWAYS);
        keys.add("installation:" + room.installationId());
        addAll(keys, METER, in.meterIds);
        addAll(keys, "asset:", in.assetIds);
        addAll(keys, "generator-meter:", in.generatorMeterIds);
        addAll(keys, "contract:", in.contractIds);
        addAll(keys, "cancellation:", in.cancellationIds);
        in.goRanges.forEach(r -> keys.add(series(r)));
        addAll(keys, "supplier-installation:", in.supplierInstallationIds);
        addAll(keys, "factor:", in.factorIds);
        addAll(keys, "erasure:", in.anchoredSha256s);
        addAll(keys, "registration:", in.signerKeyIds);
        addAll(keys, "revocation:", in.registeredKeyIds);
        addAll(keys, "party:", in.partyIds);
        return keys;
    }

    /** The meters of the meter keys among {@code keys}, and those keys taken out of it. */
    static List<String> takeMeters(Set<String> keys) {
        List<String> meters = new ArrayList<>();
        keys.removeIf(key -> key.startsWith(METER) && meters.add(key.substring(METER.length())));
        return meters;
    }

    /** The key of the entries a document-anchor's {@code recordRef} names by {@code ref}. */
    static String ref(String ref) {
        return "ref:" + ref;
    }

    /** The key of a documents' erasures. */
    static String erasure(String sha256) {
        return "erasure:" + sha256;
    }

    private static String series(SerialRange range) {
        return "go-series:" + range.registry() + "\n" + range.prefix() + "\n" + range.digits();
    }

    private static void add(Set<String> keys, String prefix, String value) {
        if (value != null) {
            keys.add(prefix + value);
        }
    }

    private static void addAll(Set<String> keys, String prefix, Collection<String> values) {
        values.forEach(v -> keys.add(prefix + v));
    }
}
