package org.cbamledger.calculation.method;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.core.UsedEvidence;
import org.cbamledger.calculation.allocation.AllocationFinding;
import org.cbamledger.calculation.allocation.AllocationResult;
import org.cbamledger.calculation.allocation.Allocator;
import org.cbamledger.calculation.allocation.IndirectEmissionsByLine;
import org.cbamledger.calculation.electricity.ClassTotal;
import org.cbamledger.calculation.electricity.ElectricityFinding;
import org.cbamledger.calculation.electricity.ElectricityLedger;
import org.cbamledger.calculation.electricity.ElectricityLedgerResult;
import org.cbamledger.calculation.electricity.ElectricityRules;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.EvidenceSet;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Trace;
import org.cbamledger.calculation.trace.TraceInput;
import org.cbamledger.spec.Kinds;

/**
 * Indirect emissions of a CN code from metered electricity: the hourly electricity ledger classes the installation's
 * MWh, the recorded allocation model gives the CN code its MWh, and the code takes the installation's mean factor
 * ({@link IndirectEmissionsByLine}). Used instead of {@code electricity-consumption} records whenever the evidence
 * holds a grid-import (or main) meter-role and an allocation model of the installation for the period.
 *
 * <p>The calculation's trace takes over the ledger's figures down to the month ({@code electricity.*}, whose inputs
 * name the month figures {@code elec.<yyyy-MM>.*}) and the allocation's figures down to the meter readings; the
 * month and hour figures stay in {@link #ledger()}'s trace (some 10 MB for a year of hours), which anyone
 * recomputes from the same entries.
 */
public record MeteredElectricity(ElectricityLedgerResult ledger, AllocationResult allocation, IndirectEmissionsByLine.Result indirect,
        Figure cnCodeTco2) {

    /** True when the evidence holds an import meter-role and an allocation model of the installation for the period. */
    public static boolean applies(EvidenceSet evidence, String installationId, ReportingPeriod period) throws CalculationException {
        return !importRoles(evidence, installationId).isEmpty() && hasAllocationModel(evidence, installationId, period);
    }

    /**
     * Classes, allocates and copies the figures the CN code's indirect emissions rest on into {@code trace}; adds the
     * entries behind every class with electricity to {@code used} and the ledger's and allocation's findings to notes.
     */
    public static MeteredElectricity derive(Trace trace, EvidenceSet evidence, List<EvidenceRecord> records, String installationId,
            ReportingPeriod period, String cnCode, Set<UsedEvidence> used, List<String> notes) throws CalculationException {
        ElectricityRules rules = ElectricityRules.gridByDefault(gridFactorId(evidence, installationId));
        ElectricityLedgerResult ledger = ElectricityLedger.classify(installationId, period, rules, records);
        AllocationResult allocation = Allocator.allocate(installationId, period, records);
        if (ledger.totalEnergyMwh().value().signum() == 0) {
            throw new CalculationException("installation " + installationId + ": the electricity ledger classes no MWh in the period");
        }
        IndirectEmissionsByLine.Result indirect = IndirectEmissionsByLine.derive(ledger, allocation);
        Figure cn = indirect.cnCodeTco2().get(cnCode);
        if (cn == null) {
            throw new CalculationException("allocation model " + allocation.modelId() + " allocates no electricity to CN code " + cnCode);
        }
        List<Trace> sources = List.of(indirect.trace(), allocation.trace(), ledger.trace());
        // month and hour figures of the ledger (elec.<yyyy-MM>..., elec.<yyyy-MM-ddTHH>...) stay in the ledger's trace
        copy(cn.id(), sources, trace, id -> id.startsWith("elec."));
        for (ClassTotal total : ledger.classes().values()) {
            if (total.energyMwh().value().signum() != 0) {
                used.addAll(total.evidence());
            }
        }
        RecordReader model = allocationModel(evidence, installationId, period);
        used.add(new UsedEvidence(model.evidence().leafIndex(), model.evidence().leafHashHex(), model.evidence().entryKind()));
        notes.add("indirect emissions from the electricity ledger (" + ElectricityLedger.METHOD_VERSION + ", grid factor "
                + rules.gridFactorId() + ") allocated by allocation model " + allocation.modelId() + " (" + Allocator.METHOD_VERSION
                + "); figures elec.<month>.* and elec.<hour>.* are in the electricity ledger's trace, recomputed from the same entries");
        notes.add("electricity matching: " + ledger.matchingSummary());
        for (ElectricityFinding finding : ledger.findings()) {
            notes.add("electricity ledger: " + finding.type().wireName() + " " + finding.subject() + " " + finding.period() + ": " + finding.detail());
        }
        for (AllocationFinding finding : allocation.findings()) {
            notes.add("allocation: " + finding.type().wireName() + " " + finding.subject() + ": " + finding.detail());
        }
        return new MeteredElectricity(ledger, allocation, indirect, trace.figure(cn.id()));
    }

    /** The grid emission factor named by the import meter-roles' {@code emissionFactorId}; they must agree. */
    static String gridFactorId(EvidenceSet evidence, String installationId) throws CalculationException {
        Set<String> ids = new TreeSet<>();
        for (RecordReader role : importRoles(evidence, installationId)) {
            Optional<String> id = role.optionalText("/emissionFactorId");
            if (id.isEmpty()) {
                throw new CalculationException(role.evidence().describe() + ": the " + role.text("/role") + " meter-role of meter "
                        + role.text("/meterId") + " names no emissionFactorId: the grid emission factor is unknown");
            }
            ids.add(id.get());
        }
        if (ids.size() != 1) {
            throw new CalculationException("installation " + installationId + ": import meter-roles name different grid factors " + ids);
        }
        return ids.iterator().next();
    }

    /** The grid-import meter-roles, or the main ones where none is grid-import (as the ledger reads them). */
    private static List<RecordReader> importRoles(EvidenceSet evidence, String installationId) throws CalculationException {
        List<RecordReader> gridImport = new ArrayList<>();
        List<RecordReader> main = new ArrayList<>();
        for (EvidenceRecord record : evidence.ofKind(Kinds.METER_ROLE)) {
            RecordReader role = new RecordReader(record);
            if (!role.text("/installationId").equals(installationId)) {
                continue;
            }
            switch (role.text("/role")) {
                case "grid-import" -> gridImport.add(role);
                case "main" -> main.add(role);
                default -> {}
            }
        }
        return gridImport.isEmpty() ? main : gridImport;
    }

    private static boolean hasAllocationModel(EvidenceSet evidence, String installationId, ReportingPeriod period) throws CalculationException {
        for (EvidenceRecord record : evidence.ofKind(Kinds.ALLOCATION_MODEL)) {
            RecordReader model = new RecordReader(record);
            if (model.text("/installationId").equals(installationId) && period.overlaps(model.date("/periodFrom"), model.date("/periodTo"))) {
                return true;
            }
        }
        return false;
    }

    /** The model the Allocator applies: the last one of the installation overlapping the period. */
    private static RecordReader allocationModel(EvidenceSet evidence, String installationId, ReportingPeriod period) throws CalculationException {
        RecordReader found = null;
        for (EvidenceRecord record : evidence.ofKind(Kinds.ALLOCATION_MODEL)) {
            RecordReader model = new RecordReader(record);
            if (model.text("/installationId").equals(installationId) && period.overlaps(model.date("/periodFrom"), model.date("/periodTo"))) {
                found = model;
            }
        }
        if (found == null) {
            throw new CalculationException("installation " + installationId + " has no allocation-model for the period");
        }
        return found;
    }

    /** Copies a figure and, first, every figure it refers to, from the first source trace that has it. */
    private static void copy(String id, List<Trace> sources, Trace into, Predicate<String> stop) {
        if (into.has(id) || stop.test(id)) {
            return;
        }
        Figure figure = sources.stream().filter(t -> t.has(id)).findFirst().map(t -> t.figure(id))
                .orElseThrow(() -> new IllegalStateException("figure " + id + " is in none of the traces"));
        for (TraceInput input : figure.inputs()) {
            if (input instanceof TraceInput.FigureRef ref) {
                copy(ref.figureId(), sources, into, stop);
            }
        }
        into.derive(figure.id(), figure.unit(), figure.operation(), figure.inputs());
    }
}
