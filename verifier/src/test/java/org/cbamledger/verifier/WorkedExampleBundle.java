package org.cbamledger.verifier;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.calculation.CalculationRequest;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Party;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.calculation.statement.IssuedStatement;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.calculation.statement.StatementIssuer;
import org.cbamledger.exchange.template.StatementWorkbook;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.bundle.BundleWriter;
import tools.jackson.databind.node.ObjectNode;

/**
 * The worked example (scenarios/turkish-extruder-2026) as a log: the operator's party record and root key, a
 * key per party and role registered by the root key, every scenario record signed by its party's key, a
 * {@code calculation} entry signed by the calculator key, and the statement issued under the checkpoint over all of
 * it, signed by the statement-issuer key.
 */
final class WorkedExampleBundle {
    static final Path SCENARIO = Path.of("..", "scenarios", "turkish-extruder-2026");

    final Scenario scenario;
    final TestLog log;
    final Map<String, SigningKey> submitterKeys = new HashMap<>();
    final SigningKey calculatorKey = SigningKey.generate(KeyAlgorithm.ED25519);
    final SigningKey issuerKey = SigningKey.generate(KeyAlgorithm.ED25519);
    final SigningKey logKey = SigningKey.generate(KeyAlgorithm.ED25519);
    final Map<String, Long> indexBySource = new HashMap<>();
    long calculationIndex;
    IssuedStatement issued;

    WorkedExampleBundle() throws Exception {
        this(List.of());
    }

    /** {@code overrides}: rule-set overrides the calculation and the statement are made with. */
    WorkedExampleBundle(List<org.cbamledger.calculation.rules.RuleOverride> overrides) throws Exception {
        this(SCENARIO, overrides);
    }

    /** Another scenario directory of the same parties (a variant of the worked example). */
    WorkedExampleBundle(Path scenarioDir, List<org.cbamledger.calculation.rules.RuleOverride> overrides) throws Exception {
        scenario = ScenarioLoader.load(scenarioDir);
        log = new TestLog("tr-extruder", logKey, SigningKey.generate(KeyAlgorithm.ED25519));
        String operator = scenario.statementIssuer();
        log.append(TestLog.sign(scenario.party(operator).record(), log.rootKey));
        log.append(TestLog.sign(TestLog.registration(log.rootKey, operator, "root", "*"), log.rootKey));
        for (Party party : scenario.parties()) {
            List<String> kinds = party.submits().stream()
                    .filter(k -> !k.equals("calculation") && !k.equals("emissions-statement")).toList();
            if (kinds.isEmpty()) {
                continue;
            }
            SigningKey key = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
            submitterKeys.put(party.partyId(), key);
            if (!party.partyId().equals(operator)) {
                log.append(TestLog.sign(party.record(), log.rootKey));
            }
            log.append(TestLog.sign(TestLog.registration(key, party.partyId(), "submitter",
                    kinds.toArray(String[]::new)), log.rootKey));
        }
        log.append(TestLog.sign(TestLog.registration(calculatorKey, operator, "calculator", "calculation"), log.rootKey));
        log.append(TestLog.sign(TestLog.registration(issuerKey, operator, "statement-issuer", "emissions-statement"),
                log.rootKey));
        for (ScenarioRecord record : scenario.records()) {
            indexBySource.put(record.source(), log.append(TestLog.sign(record.record(), submitterKeys.get(record.partyId()))));
        }
        CalculationRequest base = scenario.request(evidence());
        CalculationResult result = EmissionsCalculator.calculate(new CalculationRequest(base.installation(),
                base.period(), base.cnCode(), base.ruleSetId(), overrides, base.parameters(), base.evidence()));
        ObjectNode calculation = CalculationRecords.build(result, "calc-1");
        calculationIndex = log.append(TestLog.sign(calculation, calculatorKey));
        issued = StatementIssuer.issue(result,
                new StatementIssue("st-1", "2026-11-22T10:00:00Z", operator, scenario.statementRecipient()),
                log.checkpoint(log.size()), issuerKey, StatementWorkbook.RENDERER);
    }

    /** The log's entries as the engine reads them. */
    List<EvidenceRecord> evidence() throws Exception {
        List<EvidenceRecord> evidence = new ArrayList<>();
        for (long i = 0; i < log.size(); i++) {
            evidence.add(EvidenceRecord.fromEnvelope(Envelope.parse(log.entry(i)), i));
        }
        return evidence;
    }

    /** Writes all entries, the one checkpoint, and the statement (pretty JSON, its JWS, its PDF, its workbook). */
    Path write(Path dir) throws Exception {
        return write(dir, log.size());
    }

    /**
     * As {@link #write(Path)}; when the log has grown past {@code statementSize} (the statement's checkpoint), that
     * checkpoint is bundled too, with a consistency proof to the latest.
     */
    Path write(Path dir, long statementSize) throws Exception {
        long size = log.size();
        BundleWriter writer = new BundleWriter(dir);
        writer.logInfo(log.logId, log.origin, List.of(log.logSigner.verifierKey()));
        if (statementSize < size) {
            writer.addCheckpoint(statementSize, log.checkpoint(statementSize));
            writer.addConsistency(statementSize, size, log.consistencyProof(statementSize, size));
        }
        writer.addCheckpoint(size, log.checkpoint(size));
        for (long i = 0; i < size; i++) {
            writer.addEntry(i, log.entry(i), log.inclusionProof(i, size));
        }
        writer.addStatement("statement.json",
                TestLog.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(issued.statement())
                        .getBytes(StandardCharsets.UTF_8),
                issued.jws(), issued.pdf());
        writer.addStatementWorkbook(issued.workbook().orElseThrow());
        writer.finish();
        return dir;
    }
}
