package org.cbamledger.service.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of the view: one per installation, period and CN code that a statement or a calculation entry names,
 * and, for an installation with none, one per calendar year its dated evidence falls in.
 */
final class ReadinessSubjects {
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    private ReadinessSubjects() {}

    static List<ReadinessSubject> of(EvidenceIndex index, List<StoredStatement> statements) {
        Map<String, Builder> rows = new LinkedHashMap<>();
        for (StoredStatement statement : statements) {
            JsonNode json = JSON.readTree(statement.statementJson());
            builder(rows, json).ifPresent(b -> {
                b.statementIds.add(statement.statementId());
                if (b.request == null) {
                    b.request = json;
                }
            });
        }
        for (EvidenceRecord calculation : index.ofKind(Kinds.CALCULATION)) {
            builder(rows, calculation.record()).ifPresent(b -> {
                b.calculations.add(calculation);
                if (b.request == null) {
                    b.request = calculation.record();
                }
            });
        }
        List<ReadinessSubject> subjects = new ArrayList<>();
        rows.values().forEach(b -> subjects.add(b.build()));
        for (String installationId : installationsOf(index)) {
            if (subjects.stream().noneMatch(s -> s.installationId().equals(installationId))) {
                for (int year : yearsOf(index, installationId)) {
                    subjects.add(new ReadinessSubject(installationId,
                            new ReportingPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)),
                            Optional.empty(), Optional.empty(), List.of(), List.of()));
                }
            }
        }
        return subjects;
    }

    private static TreeSet<String> installationsOf(EvidenceIndex index) {
        TreeSet<String> ids = new TreeSet<>(index.installations().keySet());
        for (EvidenceCategory category : List.of(EvidenceCategory.PRODUCTION, EvidenceCategory.METERING)) {
            for (String kind : category.kinds()) {
                index.ofKind(kind).forEach(r -> index.installationOf(r).ifPresent(ids::add));
            }
        }
        return ids;
    }

    private static TreeSet<Integer> yearsOf(EvidenceIndex index, String installationId) {
        TreeSet<Integer> years = new TreeSet<>();
        for (EvidenceCategory category : EvidenceCategory.values()) {
            for (String kind : category.kinds()) {
                for (EvidenceRecord r : index.ofKind(kind)) {
                    if (index.installationOf(r).map(installationId::equals).orElse(false)) {
                        EvidenceIndex.datesOf(r).ifPresent(d -> {
                            for (int y = d[0].getYear(); y <= d[1].getYear(); y++) {
                                years.add(y);
                            }
                        });
                    }
                }
            }
        }
        return years;
    }

    private static Optional<Builder> builder(Map<String, Builder> rows, JsonNode request) {
        String installationId = EvidenceIndex.text(request, "/installation/installationId");
        String cnCode = EvidenceIndex.text(request, "/cnCode");
        ReportingPeriod period;
        try {
            period = new ReportingPeriod(LocalDate.parse(EvidenceIndex.text(request, "/period/from")),
                    LocalDate.parse(EvidenceIndex.text(request, "/period/to")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (installationId.isEmpty()) {
            return Optional.empty();
        }
        String key = installationId + "\n" + period + "\n" + cnCode;
        return Optional.of(rows.computeIfAbsent(key, k -> new Builder(installationId, period, cnCode)));
    }

    private static final class Builder {
        private final String installationId;
        private final ReportingPeriod period;
        private final String cnCode;
        private final List<String> statementIds = new ArrayList<>();
        private final List<EvidenceRecord> calculations = new ArrayList<>();
        private JsonNode request;

        Builder(String installationId, ReportingPeriod period, String cnCode) {
            this.installationId = installationId;
            this.period = period;
            this.cnCode = cnCode;
        }

        ReadinessSubject build() {
            return new ReadinessSubject(installationId, period, cnCode.isEmpty() ? Optional.empty() : Optional.of(cnCode),
                    Optional.ofNullable(request), statementIds, calculations);
        }
    }
}
