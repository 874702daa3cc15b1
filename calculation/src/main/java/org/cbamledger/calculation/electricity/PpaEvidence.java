package org.cbamledger.calculation.electricity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.evidence.EvidenceSet;
import org.cbamledger.calculation.evidence.RecordReader;
import org.cbamledger.calculation.trace.TraceInput.EvidenceRef;
import org.cbamledger.signer.map.SerialRange;
import org.cbamledger.spec.Kinds;

/**
 * The evidence of one PPA by month: the contract, the generator meter's data, the supplier's settlement, the GO
 * cancellations for the installation and the producer's declarations. A GO cancellation whose serials overlap an
 * earlier one (by leaf index) is a double claim and does not count.
 */
public final class PpaEvidence {
    private final RecordReader contract;
    private final GenerationSeries generation;
    private final Map<YearMonth, RecordReader> settlements = new HashMap<>();
    private final Map<YearMonth, List<RecordReader>> cancellations = new HashMap<>();
    private final Map<YearMonth, RecordReader> declarations = new HashMap<>();
    private final List<ElectricityFinding> findings = new ArrayList<>();

    public PpaEvidence(RecordReader contract, EvidenceSet evidence, String installationId) throws CalculationException {
        this.contract = contract;
        String contractId = contractId();
        generation = new GenerationSeries(contract.text("/asset/assetId"), contract.text("/asset/generatorMeterId"),
                evidence.ofKind(Kinds.GENERATION_DATA));
        for (EvidenceRecord record : evidence.ofKind(Kinds.SUPPLY_SETTLEMENT)) {
            RecordReader s = new RecordReader(record);
            if (s.text("/contractId").equals(contractId) && s.text("/installationId").equals(installationId)) {
                RecordReader previous = settlements.putIfAbsent(YearMonth.parse(s.text("/month")), s);
                if (previous != null) {
                    throw new CalculationException("two supply-settlement records for contract " + contractId + " month "
                            + s.text("/month") + " (leaf " + previous.evidence().leafIndex() + " and leaf " + record.leafIndex() + ")");
                }
            }
        }
        List<SerialRange> claimed = new ArrayList<>();
        for (EvidenceRecord record : evidence.ofKind(Kinds.GO_CANCELLATION)) {
            RecordReader go = new RecordReader(record);
            SerialRange range = SerialRange.parse(go.text("/registry"), go.text("/firstSerial"), go.text("/lastSerial"));
            Optional<SerialRange> overlap = claimed.stream()
                    .filter(r -> r.registry().equals(range.registry()) && r.prefix().equals(range.prefix())
                            && r.digits() == range.digits() && r.overlaps(range.first(), range.last()))
                    .findFirst();
            claimed.add(range);
            boolean ours = go.text("/assetId").equals(contract.text("/asset/assetId"))
                    && go.text("/beneficiary/installationId").equals(installationId)
                    && go.optionalText("/contractId").map(contractId::equals).orElse(true);
            if (!ours) {
                continue;
            }
            LocalDate from = go.date("/productionFrom");
            YearMonth month = YearMonth.from(from);
            if (overlap.isPresent()) {
                findings.add(new ElectricityFinding(FindingType.GO_DOUBLE_CLAIM, contractId, month.toString(),
                        go.decimal("/mwh").value(), "GO cancellation " + go.text("/cancellationId") + " (" + range
                                + ") overlaps serials claimed earlier (" + overlap.get() + "); it does not count"));
                continue;
            }
            if (!YearMonth.from(go.date("/productionTo")).equals(month)) {
                throw new CalculationException(record.describe() + ": a GO cancellation's production period must lie in one month");
            }
            cancellations.computeIfAbsent(month, m -> new ArrayList<>()).add(go);
        }
        for (EvidenceRecord record : evidence.ofKind(Kinds.PRODUCER_DECLARATION)) {
            RecordReader d = new RecordReader(record);
            if (d.text("/contractId").equals(contractId)) {
                for (tools.jackson.databind.JsonNode m : d.node("/months")) {
                    declarations.put(YearMonth.parse(m.path("month").asString()), d);
                }
            }
        }
    }

    public String contractId() throws CalculationException {
        return contract.text("/contractId");
    }

    public RecordReader contract() {
        return contract;
    }

    public EvidenceRef assetEmissionFactor() throws CalculationException {
        return contract.decimal("/asset/emissionFactorTco2PerMwh");
    }

    public GenerationSeries generation() {
        return generation;
    }

    public Optional<RecordReader> settlement(YearMonth month) {
        return Optional.ofNullable(settlements.get(month));
    }

    public List<RecordReader> cancellations(YearMonth month) {
        return cancellations.getOrDefault(month, List.of());
    }

    public Optional<RecordReader> declaration(YearMonth month) {
        return Optional.ofNullable(declarations.get(month));
    }

    public List<ElectricityFinding> findings() {
        return findings;
    }

    public BigDecimal cancelledMwh(YearMonth month) throws CalculationException {
        BigDecimal sum = BigDecimal.ZERO;
        for (RecordReader go : cancellations(month)) {
            sum = sum.add(go.decimal("/mwh").value());
        }
        return sum;
    }
}
