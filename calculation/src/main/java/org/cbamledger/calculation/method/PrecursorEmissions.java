package org.cbamledger.calculation.method;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.EvidenceSet;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.rules.DefaultRouteNote;
import org.cbamledger.calculation.rules.DefaultValue;
import org.cbamledger.calculation.rules.RuleSet;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Operation;
import org.cbamledger.calculation.trace.Trace;
import org.cbamledger.calculation.trace.TraceInput;
import org.cbamledger.calculation.trace.TraceInput.ConstantRef;
import org.cbamledger.calculation.trace.TraceInput.RuleRef;
import org.cbamledger.spec.Kinds;

/**
 * Embedded emissions of one precursor from one supplier installation: M_i x SEE_i, direct and indirect apart
 * (IR 2025/2547 Annex III B). M_i is the mass consumed, including what leaves as scrap.
 */
public final class PrecursorEmissions {
    private final Trace trace;
    private final EvidenceSet evidence;
    private final String installationId;
    private final ReportingPeriod period;
    private final RuleSet rules;
    private final EmissionFactors factors;
    private final Set<EvidenceRecord> consulted;
    private final List<String> notes;

    public PrecursorEmissions(Trace trace, EvidenceSet evidence, String installationId, ReportingPeriod period,
            RuleSet rules, EmissionFactors factors, Set<EvidenceRecord> consulted, List<String> notes) {
        this.trace = trace;
        this.evidence = evidence;
        this.installationId = installationId;
        this.period = period;
        this.rules = rules;
        this.factors = factors;
        this.consulted = consulted;
        this.notes = notes;
    }

    public PrecursorLine derive(String supplierInstallationId, String cnCode, Figure mass) throws CalculationException {
        List<RecordReader> statements = statements(supplierInstallationId, cnCode);
        String country = originCountry(supplierInstallationId, cnCode, statements);
        String directId = figureId(supplierInstallationId, cnCode, "directTco2");
        String indirectId = figureId(supplierInstallationId, cnCode, "indirectTco2");
        if (rules.zeroEmbeddedOrigins().contains(country)) {
            RuleRef zero = new RuleRef(rules.id(), "zeroEmbeddedOrigins." + country, BigDecimal.ZERO, "tCO2e/t",
                    rules.zeroEmbeddedOriginsCitation(), "confirmed");
            trace.derive(directId, "tCO2", Operation.PRODUCT, mass.ref(), zero);
            trace.derive(indirectId, "tCO2", Operation.PRODUCT, mass.ref(), zero);
            notes.add("precursor " + cnCode + " from " + supplierInstallationId + " originates in " + country
                    + ": counted with zero embedded emissions (" + rules.zeroEmbeddedOriginsCitation() + ")");
            return line(supplierInstallationId, cnCode, country, PrecursorSource.ZERO_ORIGIN, mass);
        }
        if (statements.size() > 1) {
            throw new CalculationException("several supplier-precursor-statement records for " + supplierInstallationId
                    + " and CN code " + cnCode + " cover the period (leaves "
                    + statements.stream().map(s -> String.valueOf(s.evidence().leafIndex())).toList() + ")");
        }
        RecordReader statement = statements.isEmpty() ? null : statements.getFirst();
        if (statement != null && statement.flag("/verified")) {
            consulted.add(statement.evidence());
            trace.derive(directId, "tCO2", Operation.PRODUCT, mass.ref(), statement.decimal("/directSeeTco2PerTonne"));
            trace.derive(indirectId, "tCO2", Operation.PRODUCT, mass.ref(), indirectSee(statement, supplierInstallationId, cnCode));
            notes.add("precursor " + cnCode + " from " + supplierInstallationId + ": actual route, the verified supplier statement at leaf "
                    + statement.evidence().leafIndex());
            return line(supplierInstallationId, cnCode, country, PrecursorSource.SUPPLIER_STATEMENT, mass);
        }
        if (statement != null) {
            consulted.add(statement.evidence());
            notes.add("supplier statement of " + supplierInstallationId + " for CN " + cnCode
                    + " is not verified (leaf " + statement.evidence().leafIndex() + "): default values used");
        } else {
            notes.add("no supplier statement of " + supplierInstallationId + " for CN " + cnCode + ": default values used");
        }
        DefaultValue value = rules.defaultValue(country, cnCode, period.year());
        value.note().ifPresent(notes::add);
        notes.add("precursor " + cnCode + " from " + supplierInstallationId + ": default route, " + DefaultRouteNote.of(value));
        Figure defaultSee = trace.derive(figureId(supplierInstallationId, cnCode, "defaultSeeTco2PerTonne"), "tCO2e/t",
                Operation.SUM, value.withMarkup());
        trace.derive(directId, "tCO2", Operation.PRODUCT, mass.ref(), defaultSee.ref());
        notes.add("the rule set holds no default value for indirect emissions of CN " + cnCode
                + ": indirect emissions of " + supplierInstallationId + " counted as zero");
        trace.derive(indirectId, "tCO2", Operation.PRODUCT, mass.ref(),
                new ConstantRef(BigDecimal.ZERO, "no default value for indirect emissions"));
        return line(supplierInstallationId, cnCode, country, PrecursorSource.DEFAULT_VALUE, mass);
    }

    private TraceInput indirectSee(RecordReader statement, String supplier, String cnCode) throws CalculationException {
        if (statement.optionalDecimal("/indirectSeeTco2PerTonne").isPresent()) {
            if (statement.optionalDecimal("/electricityMwhPerTonne").isPresent()) {
                throw new CalculationException(statement.evidence().describe()
                        + ": give either /indirectSeeTco2PerTonne or /electricityMwhPerTonne, not both");
            }
            return statement.decimal("/indirectSeeTco2PerTonne");
        }
        // IR 2025/2547 Annex II: indirect emissions = electricity consumed x its emission factor
        return trace.derive(figureId(supplier, cnCode, "indirectSeeTco2PerTonne"), "tCO2/t", Operation.PRODUCT,
                        statement.decimal("/electricityMwhPerTonne"),
                        factors.factor(statement, "/electricityEmissionFactorTco2PerMwh", "/electricityEmissionFactorId", "tCO2/MWh"))
                .ref();
    }

    private List<RecordReader> statements(String supplier, String cnCode) throws CalculationException {
        List<RecordReader> found = new ArrayList<>();
        for (EvidenceRecord record : evidence.ofKind(Kinds.SUPPLIER_PRECURSOR_STATEMENT)) {
            RecordReader reader = new RecordReader(record);
            if (reader.text("/supplierInstallationId").equals(supplier) && reader.text("/cnCode").equals(cnCode)
                    && period.overlaps(reader.date("/periodFrom"), reader.date("/periodTo"))) {
                found.add(reader);
            }
        }
        return found;
    }

    /** The country of origin, from the purchases of this installation or else the supplier statement; all must agree. */
    private String originCountry(String supplier, String cnCode, List<RecordReader> statements) throws CalculationException {
        Set<String> countries = new TreeSet<>();
        for (EvidenceRecord record : evidence.ofKind(Kinds.PRECURSOR_PURCHASE)) {
            RecordReader reader = new RecordReader(record);
            if (reader.text("/installationId").equals(installationId)
                    && reader.text("/supplierInstallationId").equals(supplier)
                    && reader.text("/cnCode").equals(cnCode)) {
                countries.add(reader.text("/countryOfOrigin"));
                consulted.add(record);
            }
        }
        for (RecordReader statement : statements) {
            countries.add(statement.text("/countryOfOrigin"));
        }
        if (countries.isEmpty()) {
            throw new CalculationException("no precursor-purchase or supplier-precursor-statement gives the country of origin of "
                    + cnCode + " from " + supplier);
        }
        if (countries.size() > 1) {
            throw new CalculationException("evidence disagrees on the country of origin of " + cnCode + " from " + supplier + ": " + countries);
        }
        return countries.iterator().next();
    }

    private PrecursorLine line(String supplier, String cnCode, String country, PrecursorSource source, Figure mass) {
        return new PrecursorLine(supplier, cnCode, country, source, mass.id(),
                figureId(supplier, cnCode, "directTco2"), figureId(supplier, cnCode, "indirectTco2"));
    }

    private static String figureId(String supplier, String cnCode, String figure) {
        return "precursor." + supplier + "." + cnCode + "." + figure;
    }
}
