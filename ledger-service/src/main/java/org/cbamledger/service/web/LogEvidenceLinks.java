package org.cbamledger.service.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Links into a log's own routes (CONTRACTS.md): {@code GET /logs/{logId}/entries/{index}},
 * {@code GET /logs/{logId}/proofs/inclusion?index=N&treeSize=S} against the checkpoint of size {@code treeSize},
 * {@code GET /logs/{logId}/statements/{statementId}} and this view, {@code GET /ui/logs/{logId}?month=yyyy-MM}.
 */
public record LogEvidenceLinks(String logId, long treeSize) implements EvidenceLinks {

    @Override
    public String entry(long leafIndex) {
        return "/logs/" + encode(logId) + "/entries/" + leafIndex;
    }

    @Override
    public Optional<String> inclusionProof(long leafIndex) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return Optional.empty();
        }
        return Optional.of("/logs/" + encode(logId) + "/proofs/inclusion?index=" + leafIndex + "&treeSize=" + treeSize);
    }

    @Override
    public String statement(String statementId) {
        return "/logs/" + encode(logId) + "/statements/" + encode(statementId);
    }

    @Override
    public String view(YearMonth month) {
        return "/ui/logs/" + encode(logId) + "?month=" + month;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
