package org.cbamledger.service.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.CalculationRequest;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.electricity.ElectricityLedger;
import org.cbamledger.calculation.electricity.ElectricityLedgerResult;
import org.cbamledger.calculation.electricity.ElectricityRules;
import org.cbamledger.calculation.electricity.GenerationSeries;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.gaps.GapReport;
import org.cbamledger.calculation.gaps.GapReporter;
import org.cbamledger.calculation.method.MeteredElectricity;
import org.cbamledger.calculation.statement.StatementRecomputer;
import org.cbamledger.spec.Kinds;

/**
 * The calculation module's answers for one row, recomputed from the entries: the calculation, the electricity
 * ledger (the one the calculation used, or a classification with the grid factor the import meter names), the
 * metered generation of its PPA assets, and the gap report. What cannot be computed is kept as a problem sentence, shown on the page.
 */
record SubjectAssessment(ReadinessSubject subject, Optional<CalculationResult> calculation,
        Optional<ElectricityLedgerResult> ledger, List<GenerationSeries> generation, Optional<GapReport> gaps,
        List<String> problems) {

    SubjectAssessment {
        generation = List.copyOf(generation);
        problems = List.copyOf(problems);
    }

    static SubjectAssessment of(ReadinessSubject subject, EvidenceIndex index) {
        List<String> problems = new ArrayList<>();
        if (subject.request().isEmpty()) {
            return new SubjectAssessment(subject, Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                    List.of("no statement or calculation names this installation and period yet"));
        }
        CalculationRequest request;
        try {
            request = StatementRecomputer.requestOf(subject.request().get(), index.records());
        } catch (CalculationException e) {
            return new SubjectAssessment(subject, Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                    List.of("the calculation request cannot be read: " + e.getMessage()));
        }
        Optional<CalculationResult> calculation = Optional.empty();
        try {
            calculation = Optional.of(EmissionsCalculator.calculate(request));
        } catch (CalculationException | RuntimeException e) {
            problems.add("the calculation does not recompute: " + e.getMessage());
        }
        Optional<ElectricityLedgerResult> ledger = calculation.flatMap(CalculationResult::meteredElectricity)
                .map(MeteredElectricity::ledger);
        ElectricityRules rules = ledger.map(ElectricityLedgerResult::rules)
                .orElse(ElectricityRules.gridByDefault(gridFactorId(index, subject)));
        if (ledger.isEmpty()) {
            try {
                ledger = Optional.of(ElectricityLedger.classify(subject.installationId(), subject.period(), rules,
                        index.records()));
            } catch (CalculationException | RuntimeException e) {
                problems.add("no hourly electricity ledger: " + e.getMessage());
            }
        }
        List<GenerationSeries> generation = new ArrayList<>();
        try {
            generation = generation(index, subject);
        } catch (CalculationException | RuntimeException e) {
            problems.add("the PPA assets' metered generation cannot be read: " + e.getMessage());
        }
        Optional<GapReport> gaps = Optional.empty();
        try {
            // the calculation made above, shared: its ledger and allocation are not computed again
            gaps = Optional.of(calculation.isPresent() ? GapReporter.report(request, rules, calculation.get())
                    : GapReporter.report(request, rules));
        } catch (CalculationException | RuntimeException e) {
            problems.add("the gap report cannot be made: " + e.getMessage());
        }
        return new SubjectAssessment(subject, calculation, ledger, generation, gaps, problems);
    }

    /** The generator metering of each PPA contract of the installation that overlaps the period. */
    private static List<GenerationSeries> generation(EvidenceIndex index, ReadinessSubject subject) throws CalculationException {
        List<GenerationSeries> series = new ArrayList<>();
        for (EvidenceRecord contract : index.ofKinds(subject.installationId(), subject.period(), List.of(Kinds.PPA_CONTRACT))) {
            series.add(new GenerationSeries(EvidenceIndex.text(contract.record(), "/asset/assetId"),
                    EvidenceIndex.text(contract.record(), "/asset/generatorMeterId"), index.ofKind(Kinds.GENERATION_DATA)));
        }
        return series;
    }

    /** The grid factor the installation's import (or main) meter names, as the calculation would choose it. */
    private static String gridFactorId(EvidenceIndex index, ReadinessSubject subject) {
        for (EvidenceRecord role : index.ofKind(Kinds.METER_ROLE)) {
            String r = EvidenceIndex.text(role.record(), "/role");
            String factor = EvidenceIndex.text(role.record(), "/emissionFactorId");
            if (EvidenceIndex.text(role.record(), "/installationId").equals(subject.installationId())
                    && (r.equals("grid-import") || r.equals("main")) && !factor.isEmpty()) {
                return factor;
            }
        }
        return "grid-" + subject.period().year();
    }
}
