package org.cbamledger.calculation.electricity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.EvidenceSet;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.trace.TraceInput;
import org.cbamledger.calculation.trace.TraceInput.EvidenceRef;
import org.cbamledger.spec.Kinds;

/**
 * The meters of an installation by role (api-spec meter-role): the import meters (grid-import, or the main meters
 * where none is marked grid import) and the source meters (on-site generation, direct line, backup generation)
 * with their class and emission factor; a finding for a role without a meter record or readings.
 */
final class InstallationMeters {
    private final Map<String, MeterSeries> series = new TreeMap<>();
    private final List<String> importMeters = new ArrayList<>();
    private final Map<String, ElectricityClass> sourceMeters = new TreeMap<>();
    private final Map<String, TraceInput> sourceFactors = new LinkedHashMap<>();
    private final List<ElectricityFinding> findings = new ArrayList<>();

    InstallationMeters(String installationId, ReportingPeriod period, EvidenceSet set) throws CalculationException {
        Set<String> meterRecords = new LinkedHashSet<>();
        for (EvidenceRecord record : set.ofKind(Kinds.METER)) {
            RecordReader meter = new RecordReader(record);
            if (meter.text("/installationId").equals(installationId)) {
                meterRecords.add(meter.text("/meterId"));
            }
        }
        List<String> mains = new ArrayList<>();
        List<EvidenceRecord> batches = set.ofKind(Kinds.METER_READING_BATCH);
        for (EvidenceRecord record : set.ofKind(Kinds.METER_ROLE)) {
            RecordReader role = new RecordReader(record);
            if (!role.text("/installationId").equals(installationId)) {
                continue;
            }
            String meterId = role.text("/meterId");
            String kind = role.text("/role");
            ElectricityClass source = sourceClass(role, kind);
            if (!kind.equals("grid-import") && !kind.equals("main") && source == null) {
                continue;
            }
            MeterSeries meterSeries = new MeterSeries(meterId, batches);
            series.put(meterId, meterSeries);
            if (!meterRecords.contains(meterId)) {
                findings.add(new ElectricityFinding(FindingType.NO_METER_READINGS, meterId, period.from() + "/" + period.to(),
                        BigDecimal.ZERO, "meter " + meterId + " (" + kind + ") has a meter-role but no meter record"));
            }
            if (meterSeries.isEmpty()) {
                findings.add(new ElectricityFinding(FindingType.NO_METER_READINGS, meterId, period.from() + "/" + period.to(),
                        BigDecimal.ZERO, "meter " + meterId + " (" + kind + ") has no readings in the evidence"));
            }
            if (kind.equals("grid-import")) {
                importMeters.add(meterId);
            } else if (kind.equals("main")) {
                mains.add(meterId);
            } else {
                sourceMeters.put(meterId, source);
                sourceFactors.put(meterId, sourceFactor(role, set));
            }
        }
        if (importMeters.isEmpty()) {
            importMeters.addAll(mains);
        }
        if (importMeters.isEmpty()) {
            throw new CalculationException("installation " + installationId + " has no meter-role grid-import or main: nothing to classify");
        }
    }

    private static ElectricityClass sourceClass(RecordReader role, String kind) {
        return switch (kind) {
            case "on-site-generation" -> role.node("/renewable").asBoolean(false)
                    ? ElectricityClass.ON_SITE_RENEWABLE : ElectricityClass.BACKUP_FOSSIL;
            case "direct-line" -> ElectricityClass.DIRECT_LINE;
            case "backup-generation" -> ElectricityClass.BACKUP_FOSSIL;
            default -> null;
        };
    }

    private static TraceInput sourceFactor(RecordReader role, EvidenceSet set) throws CalculationException {
        Optional<EvidenceRef> inline = role.optionalDecimal("/emissionFactorTco2PerMwh");
        if (inline.isPresent()) {
            return inline.get();
        }
        return factorRecord(set, role.text("/emissionFactorId"));
    }

    /** The value of an emission-factor record in tCO2/MWh. */
    static EvidenceRef factorRecord(EvidenceSet set, String factorId) throws CalculationException {
        for (EvidenceRecord record : set.ofKind(Kinds.EMISSION_FACTOR)) {
            RecordReader factor = new RecordReader(record);
            if (factor.text("/factorId").equals(factorId)) {
                if (!factor.text("/unit").equals("tCO2/MWh")) {
                    throw new CalculationException(record.describe() + ": emission factor " + factorId + " is not in tCO2/MWh");
                }
                return factor.decimal("/value");
            }
        }
        throw new CalculationException("emission factor " + factorId + " is not in the evidence");
    }

    MeterSeries series(String meterId) {
        return series.get(meterId);
    }

    List<String> importMeters() {
        return importMeters;
    }

    /** Source meters (by meter id, in id order) and the class their MWh go to. */
    Map<String, ElectricityClass> sourceMeters() {
        return sourceMeters;
    }

    Map<String, TraceInput> sourceFactors() {
        return sourceFactors;
    }

    List<ElectricityFinding> findings() {
        return findings;
    }
}
