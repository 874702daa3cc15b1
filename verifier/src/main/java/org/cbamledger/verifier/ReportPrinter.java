package org.cbamledger.verifier;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.verifier.bundle.BundleManifest;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prints a report for people (passing checks of one kind grouped with a count, every other line on its own,
 * naming its file) or as JSON (every line).
 */
public final class ReportPrinter {
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    private ReportPrinter() {}

    public static void printText(VerificationReport report, PrintWriter out) {
        out.println("Bundle: " + report.bundle());
        BundleManifest m = report.manifest();
        if (m != null) {
            out.printf("Log: %s, tree size %d; %d entries, %d checkpoints, %d documents, statement: %s%n",
                    m.origin(), m.treeSize(), m.entries().size(), m.checkpointSizes().size(), m.documents().size(),
                    m.statementFile() == null ? "none" : m.statementFile());
        }
        Map<String, List<CheckResult>> byCheck = new LinkedHashMap<>();
        for (CheckResult r : report.results()) {
            byCheck.computeIfAbsent(r.check(), k -> new ArrayList<>()).add(r);
        }
        byCheck.forEach((check, results) -> {
            long passed = results.stream().filter(r -> r.status() == CheckStatus.PASS).count();
            if (passed > 0) {
                out.printf("%-11s %5d  %s%n", CheckStatus.PASS, passed, check);
            }
            results.stream().filter(r -> r.status() != CheckStatus.PASS).forEach(r ->
                    out.printf("%-11s %5s  %s  %s: %s%n", r.status(), "", check, r.subject(), oneLine(r.message())));
        });
        Map<CheckStatus, Integer> counts = counts(report.results());
        int failed = counts.getOrDefault(CheckStatus.FAIL, 0);
        String result = switch (report.outcome()) {
            case PASSED -> "PASSED";
            case UNTRUSTED -> "UNTRUSTED (keys not pinned: every check held, but against the bundle's own log key;"
                    + " pin it with --policy or --log-key)";
            case FAILED -> "FAILED, " + failed + " failed";
        };
        out.printf("Result: %s (%d checks: %s)%n", result, report.results().size(), counts);
        out.flush();
    }

    public static void printJson(VerificationReport report, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("bundle", report.bundle());
        BundleManifest m = report.manifest();
        if (m != null) {
            root.put("logId", m.logId()).put("origin", m.origin()).put("treeSize", m.treeSize());
        }
        root.put("passed", report.passed());
        root.put("trusted", report.trusted());
        root.put("result", report.outcome().name());
        ObjectNode counts = root.putObject("counts");
        counts(report.results()).forEach((status, n) -> counts.put(status.name(), n));
        // the checks streamed, not held as a tree and a string: a plant's year has 735,801 of them (116 MB)
        try (JsonGenerator json = JSON.writerWithDefaultPrettyPrinter().without(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, JsonNode> member : root.properties()) {
                json.writeName(member.getKey());
                json.writeTree(member.getValue());
            }
            json.writeArrayPropertyStart("checks");
            for (CheckResult r : report.results()) {
                json.writeStartObject();
                json.writeStringProperty("check", r.check());
                json.writeStringProperty("subject", r.subject());
                json.writeStringProperty("status", r.status().name());
                json.writeStringProperty("message", r.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
        out.flush();
    }

    private static Map<CheckStatus, Integer> counts(List<CheckResult> results) {
        Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\p{Cntrl}", " ");
    }
}
