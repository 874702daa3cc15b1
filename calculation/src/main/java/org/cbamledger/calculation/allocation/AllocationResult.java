package org.cbamledger.calculation.allocation;

import java.util.List;
import java.util.Map;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.trace.Figure;
import org.cbamledger.calculation.trace.Trace;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Electricity and fuel assigned by the recorded allocation model: per line, per batch, and summed by CN code,
 * product and destination (EU, non-EU); the reconciliation of sub-meters with the main meters; the gaps found.
 */
public record AllocationResult(
        String modelId,
        long modelLeafIndex,
        Trace trace,
        Reconciliation reconciliation,
        List<LineAllocation> lines,
        Map<String, Figure> batchMwh,
        Map<String, Figure> cnCodeMwh,
        Map<String, Figure> productMwh,
        Map<String, Figure> destinationMwh,
        Figure excludedMwh,
        List<AllocationFinding> findings) {
    public static final String FORMAT = "cbam-ledger-allocation/v1";

    public AllocationResult {
        lines = List.copyOf(lines);
        batchMwh = Map.copyOf(batchMwh);
        cnCodeMwh = Map.copyOf(cnCodeMwh);
        productMwh = Map.copyOf(productMwh);
        destinationMwh = Map.copyOf(destinationMwh);
        findings = List.copyOf(findings);
    }

    public LineAllocation line(String lineId) {
        return lines.stream().filter(l -> l.lineId().equals(lineId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line " + lineId));
    }

    public ObjectNode toJson(boolean withTrace) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("modelId", modelId);
        root.put("modelLeafIndex", modelLeafIndex);
        ObjectNode rec = root.putObject("reconciliation");
        rec.put("mainMwh", Decimals.plain(reconciliation.mainMwh().value()));
        rec.put("subMeteredMwh", Decimals.plain(reconciliation.subMeteredMwh().value()));
        rec.put("unmeteredMwh", Decimals.plain(reconciliation.unmeteredMwh().value()));
        rec.put("unmeteredPercent", Decimals.plain(reconciliation.unmeteredPercent().value()));
        rec.put("tolerancePercent", Decimals.plain(reconciliation.tolerancePercent().value()));
        rec.put("withinTolerance", reconciliation.withinTolerance());
        ArrayNode lineArray = root.putArray("lines");
        for (LineAllocation line : lines) {
            ObjectNode node = lineArray.addObject();
            node.put("lineId", line.lineId());
            node.put("subMeteredMwh", Decimals.plain(line.subMeteredMwh().value()));
            node.put("auxiliaryMwh", Decimals.plain(line.auxiliaryMwh().value()));
            node.put("electricityMwh", Decimals.plain(line.electricityMwh().value()));
            node.put("tonnesOut", Decimals.plain(line.tonnesOut().value()));
            line.mwhPerTonne().ifPresent(f -> node.put("mwhPerTonne", Decimals.plain(f.value())));
            node.put("fuelGj", Decimals.plain(line.fuelGj().value()));
        }
        putAll(root.putObject("batches"), batchMwh);
        putAll(root.putObject("cnCodes"), cnCodeMwh);
        putAll(root.putObject("products"), productMwh);
        putAll(root.putObject("destinations"), destinationMwh);
        root.put("excludedMwh", Decimals.plain(excludedMwh.value()));
        ArrayNode findingArray = root.putArray("findings");
        findings.forEach(f -> findingArray.addObject().put("type", f.type().wireName()).put("subject", f.subject()).put("detail", f.detail()));
        if (withTrace) {
            ArrayNode figures = root.putArray("figures");
            trace.figures().values().forEach(f -> figures.add(f.toJson()));
        }
        return root;
    }

    private static void putAll(ObjectNode node, Map<String, Figure> figures) {
        new java.util.TreeMap<>(figures).forEach((k, f) -> node.put(k, Decimals.plain(f.value())));
    }
}
