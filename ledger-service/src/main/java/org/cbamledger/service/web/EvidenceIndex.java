package org.cbamledger.service.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.EvidenceSet;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * The entries of the view as evidence records (corrections applied, as the calculation sees them), and which
 * installation and dates each one concerns: directly by {@code installationId}, or through the meter, PPA contract,
 * generator or precursor supplier it names.
 */
final class EvidenceIndex {
    private final List<EvidenceRecord> records;
    private final EvidenceSet current;
    private final List<String> unreadable;
    private final Map<String, String> meterInstallations = new HashMap<>();
    private final Map<String, String> contractInstallations = new HashMap<>();
    private final Map<String, String> assetInstallations = new HashMap<>();
    private final Map<String, String> supplierInstallations = new HashMap<>();
    private final Map<String, JsonNode> installations = new TreeMap<>();

    private EvidenceIndex(List<EvidenceRecord> records, EvidenceSet current, List<String> unreadable) {
        this.records = List.copyOf(records);
        this.current = current;
        this.unreadable = List.copyOf(unreadable);
        for (EvidenceRecord r : current.ofKind(Kinds.INSTALLATION)) {
            installations.put(text(r.record(), "/installationId"), r.record());
        }
        for (String kind : List.of(Kinds.METER, Kinds.METER_ROLE)) {
            for (EvidenceRecord r : current.ofKind(kind)) {
                meterInstallations.putIfAbsent(text(r.record(), "/meterId"), text(r.record(), "/installationId"));
            }
        }
        for (EvidenceRecord r : current.ofKind(Kinds.PPA_CONTRACT)) {
            String installation = text(r.record(), "/installationId");
            contractInstallations.put(text(r.record(), "/contractId"), installation);
            assetInstallations.put(text(r.record(), "/asset/assetId"), installation);
            meterInstallations.putIfAbsent(text(r.record(), "/asset/generatorMeterId"), installation);
        }
        for (EvidenceRecord r : current.ofKind(Kinds.PRECURSOR_PURCHASE)) {
            supplierInstallations.put(text(r.record(), "/supplierInstallationId"), text(r.record(), "/installationId"));
        }
    }

    static EvidenceIndex of(List<StoredEntry> entries) {
        List<EvidenceRecord> records = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (StoredRecords.Read read : StoredRecords.of(entries)) {
            if (read.record() != null) {
                records.add(read.record());
            } else {
                unreadable.add(read.problem());
            }
        }
        EvidenceSet current;
        try {
            current = EvidenceSet.of(records);
        } catch (CalculationException e) {
            unreadable.add(e.getMessage());
            current = emptySet();
        }
        return new EvidenceIndex(records, current, unreadable);
    }

    private static EvidenceSet emptySet() {
        try {
            return EvidenceSet.of(List.of());
        } catch (CalculationException e) {
            throw new IllegalStateException("an empty evidence set is always valid", e);
        }
    }

    /** Every entry as a record, superseded ones included: what a calculation request is given. */
    List<EvidenceRecord> records() {
        return records;
    }

    List<EvidenceRecord> ofKind(String kind) {
        return current.ofKind(kind);
    }

    List<String> unreadable() {
        return unreadable;
    }

    /** The installation records by id. */
    Map<String, JsonNode> installations() {
        return installations;
    }

    /** The current records of a category that concern the installation and period (undated ones always do). */
    List<EvidenceRecord> of(String installationId, ReportingPeriod period, EvidenceCategory category) {
        return ofKinds(installationId, period, category.kinds());
    }

    List<EvidenceRecord> ofKinds(String installationId, ReportingPeriod period, List<String> kinds) {
        List<EvidenceRecord> found = new ArrayList<>();
        for (String kind : kinds) {
            for (EvidenceRecord r : current.ofKind(kind)) {
                if (installationOf(r).map(installationId::equals).orElse(false)
                        && datesOf(r).map(d -> period.overlaps(d[0], d[1])).orElse(true)) {
                    found.add(r);
                }
            }
        }
        found.sort(java.util.Comparator.comparingLong(EvidenceRecord::leafIndex));
        return found;
    }

    Optional<String> installationOf(EvidenceRecord r) {
        JsonNode node = r.record();
        String direct = text(node, "/installationId");
        if (!direct.isEmpty()) {
            return Optional.of(direct);
        }
        String calculated = text(node, "/installation/installationId");
        if (!calculated.isEmpty()) {
            return Optional.of(calculated);
        }
        return first(meterInstallations.get(text(node, "/meterId")), contractInstallations.get(text(node, "/contractId")),
                assetInstallations.get(text(node, "/assetId")), supplierInstallations.get(text(node, "/supplierInstallationId")));
    }

    /** The first and last day a record concerns, when it names them. */
    static Optional<LocalDate[]> datesOf(EvidenceRecord r) {
        JsonNode n = r.record();
        try {
            if (n.has("periodFrom") && n.has("periodTo")) {
                return range(day(n, "/periodFrom"), day(n, "/periodTo"));
            }
            if (n.has("period") && n.at("/period/from").isString()) {
                return range(day(n, "/period/from"), day(n, "/period/to"));
            }
            if (n.has("productionFrom") && n.has("productionTo")) {
                return range(day(n, "/productionFrom"), day(n, "/productionTo"));
            }
            if (n.path("month").isString()) {
                YearMonth month = YearMonth.parse(n.path("month").asString());
                return range(month.atDay(1), month.atEndOfMonth());
            }
            if (n.path("deliveryDate").isString()) {
                return range(day(n, "/deliveryDate"), day(n, "/deliveryDate"));
            }
            if (n.path("quality").isArray() && n.path("start").isString() && n.path("intervalSeconds").canConvertToLong()) {
                // a columnar meter-reading-batch (version 2): the last reading ends n x intervalSeconds after start
                Instant start = Instant.parse(n.path("start").asString());
                Instant lastStart = start.plusSeconds(Math.multiplyExact(n.path("intervalSeconds").asLong(),
                        n.path("quality").size() - 1));
                return range(LocalDate.ofInstant(start, ZoneOffset.UTC), LocalDate.ofInstant(lastStart, ZoneOffset.UTC));
            }
            JsonNode series = n.has("readings") ? n.path("readings") : n.path("intervals");
            if (series.isArray() && !series.isEmpty()) {
                String field = n.has("readings") ? "/intervalStart" : "/start";
                return range(day(series.get(0), field), day(series.get(series.size() - 1), field));
            }
            JsonNode months = n.path("months");
            if (months.isArray() && !months.isEmpty()) {
                YearMonth first = YearMonth.parse(months.get(0).asString());
                YearMonth last = YearMonth.parse(months.get(months.size() - 1).asString());
                return range(first.atDay(1), last.atEndOfMonth());
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<LocalDate[]> range(LocalDate from, LocalDate to) {
        return Optional.of(to.isBefore(from) ? new LocalDate[] {to, from} : new LocalDate[] {from, to});
    }

    private static LocalDate day(JsonNode node, String pointer) {
        return LocalDate.parse(node.at(pointer).asString().substring(0, 10));
    }

    static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        return value.isString() ? value.asString() : "";
    }

    @SafeVarargs
    private static <T> Optional<T> first(T... candidates) {
        for (T candidate : candidates) {
            if (candidate != null) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
