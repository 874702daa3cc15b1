package org.cbamledger.service.web;

import java.util.List;
import java.util.Optional;
import org.cbamledger.calculation.core.ReportingPeriod;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import tools.jackson.databind.JsonNode;

/**
 * One row of the view: an installation and period, with the CN code, statements and calculation entries that
 * concern it. {@code request} is the statement or calculation record whose request the view recomputes (the first
 * statement, else the first calculation); empty for an installation nothing was calculated for yet.
 */
record ReadinessSubject(String installationId, ReportingPeriod period, Optional<String> cnCode,
        Optional<JsonNode> request, List<String> statementIds, List<EvidenceRecord> calculations) {

    ReadinessSubject {
        statementIds = List.copyOf(statementIds);
        calculations = List.copyOf(calculations);
    }

    String key() {
        return installationId + " " + period.from() + ".." + period.to() + cnCode.map(c -> " CN " + c).orElse("");
    }
}
