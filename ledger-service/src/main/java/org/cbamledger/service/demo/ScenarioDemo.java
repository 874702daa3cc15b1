package org.cbamledger.service.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.scenario.ElectricityScenarioFiles;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Party;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.IssuedStatement;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.calculation.statement.StatementIssuer;
import org.cbamledger.exchange.template.StatementWorkbook;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scenario through the HTTP API, as its parties would do it: the operator's root key registers each party and a
 * key per party and role (submitter for its records, calculator, statement-issuer); every record is signed by the
 * key of the party that submits it; the calculation runs on the entries read back from the log, is appended as
 * {@code calculation} entries (the scenario's rule set, and the other basis for comparison), and the statement is
 * issued under the checkpoint covering them and stored by the service.
 */
final class ScenarioDemo {
    static final String CALCULATION_KIND = CalculationRecords.KIND;
    static final String STATEMENT_KIND = EmissionsStatements.KIND;
    /** The basis shown beside the scenario's own: the definitive-period rules charge aluminium on direct emissions. */
    static final String COMPARISON_RULE_SET = "eu-definitive-2026";
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    private final DemoClient client;
    private final String logId;
    private final SigningKey root;
    private final PrintStream console;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** Envelopes per batch request; the service sequences a batch all or nothing. */
    static final int BATCH_ENVELOPES = 200;
    /** Bytes of envelopes per batch request, well below the service's 16 MB request limit. */
    static final int BATCH_BYTES = 4 << 20;

    /**
     * What the demo issued: the statement as stored, the comparison basis presented the same way, the issuer's key,
     * and the electricity ledger and gap report when indirect emissions came from metered electricity.
     */
    record Outcome(String statementId, JsonNode statement, JsonNode comparison, SigningKey issuerKey,
            Optional<ElectricityDemoReport> electricity) {}

    ScenarioDemo(DemoClient client, String logId, SigningKey root, PrintStream console) {
        this.client = client;
        this.logId = logId;
        this.root = root;
        this.console = console;
    }

    Outcome run(Scenario scenario) throws Exception {
        return run(scenario, scenario.records());
    }

    /** The scenario with its electricity evidence files (meters, hourly data, PPAs, settlements, GOs) if it has any. */
    Outcome run(Scenario scenario, Path scenarioDir) throws Exception {
        List<ScenarioRecord> records = new ArrayList<>(scenario.records());
        records.addAll(ElectricityScenarioFiles.load(scenarioDir, scenario));
        return run(scenario, records);
    }

    private Outcome run(Scenario scenario, List<ScenarioRecord> records) throws Exception {
        scenario.deprecations().forEach(d -> console.println("scenario " + scenario.name() + ": deprecated: " + d));
        Map<String, SigningKey> submitters = submitterKeys(scenario);
        List<Envelope> envelopes = signed(records, submitters);
        calculateBeforeAppending(scenario, envelopes);
        SigningKey calculator = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey issuer = SigningKey.generate(KeyAlgorithm.ED25519);
        registerKeys(scenario, submitters, calculator, issuer);
        List<EvidenceRecord> evidence = readBack(appendInBatches(envelopes));
        CalculationResult charged = EmissionsCalculator.calculate(scenario.request(evidence));
        CalculationResult comparison = EmissionsCalculator.calculate(scenario.request(evidence, COMPARISON_RULE_SET));
        String checkpoint = appendCalculations(scenario, charged, comparison, calculator, evidence.size());
        Optional<ElectricityDemoReport> electricity = ElectricityDemoReport.of(scenario.request(evidence), charged);
        electricity.ifPresent(e -> e.print(console));
        return issueStatement(scenario, charged, comparison, checkpoint, issuer, electricity);
    }

    /** A key per party that submits records of the scenario. */
    private static Map<String, SigningKey> submitterKeys(Scenario scenario) {
        Map<String, SigningKey> submitters = new LinkedHashMap<>();
        for (Party party : scenario.parties()) {
            if (!submittedKinds(party).isEmpty()) {
                submitters.put(party.partyId(), SigningKey.generate(KeyAlgorithm.ECDSA_P256));
            }
        }
        return submitters;
    }

    private static List<Envelope> signed(List<ScenarioRecord> records, Map<String, SigningKey> submitters) throws Exception {
        List<Envelope> envelopes = new ArrayList<>();
        for (ScenarioRecord record : records) {
            SigningKey key = submitters.get(record.partyId());
            if (key == null) {
                throw new IOException(record.source() + ": party " + record.partyId() + " submits no records");
            }
            envelopes.add(sign(record.record(), key));
        }
        return envelopes;
    }

    /** The parties, each submitter's key, and the operator's calculator and statement-issuer keys. */
    private void registerKeys(Scenario scenario, Map<String, SigningKey> submitters, SigningKey calculator,
            SigningKey issuer) throws Exception {
        String operator = scenario.statementIssuer();
        for (Party party : scenario.parties()) {
            client.submit(logId, sign(party.record(), root), false);
            if (submitters.containsKey(party.partyId())) {
                register(submitters.get(party.partyId()), party.partyId(), "submitter", submittedKinds(party));
            }
        }
        register(calculator, operator, "calculator", List.of(CALCULATION_KIND));
        register(issuer, operator, "statement-issuer", List.of(STATEMENT_KIND));
        console.println("scenario " + scenario.name() + ": registered " + scenario.parties().size() + " parties, "
                + (submitters.size() + 2) + " keys (submitters " + String.join(", ", submitters.keySet())
                + ", calculator and statement-issuer of " + operator + ")");
    }

    /** Appends the envelopes in batch requests, waiting for a checkpoint on the last; answers the log's size then. */
    private long appendInBatches(List<Envelope> envelopes) throws Exception {
        JsonNode last = null;
        List<Envelope> batch = new ArrayList<>();
        int batchBytes = 0;
        int requests = 0;
        for (Envelope envelope : envelopes) {
            int bytes = envelope.canonicalBytes().length;
            if (!batch.isEmpty() && (batch.size() == BATCH_ENVELOPES || batchBytes + bytes > BATCH_BYTES)) {
                client.submitBatch(logId, batch, false);
                requests++;
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(envelope);
            batchBytes += bytes;
        }
        if (!batch.isEmpty()) {
            JsonNode receipts = client.submitBatch(logId, batch, true);
            requests++;
            last = receipts.get(receipts.size() - 1);
        }
        console.println("appended " + envelopes.size() + " scenario records in " + requests
                + " batch requests, each record signed by its party's key");
        if (last == null || last.get("checkpoint") == null) {
            throw new IOException("no checkpoint covered the scenario records within 10 s");
        }
        return last.get("index").asLong() + 1;
    }

    /** The calculation entries (the scenario's basis, then the comparison basis); answers the checkpoint covering them. */
    private String appendCalculations(Scenario scenario, CalculationResult charged, CalculationResult comparison,
            SigningKey calculator, int evidenceEntries) throws Exception {
        // a scenario already on the comparison basis gets one calculation entry, not the same one twice
        boolean compared = !scenario.ruleSetId().equals(COMPARISON_RULE_SET);
        JsonNode receipt = client.submit(logId, sign(CalculationRecords.build(charged, "calc-" + stem(scenario) + "-"
                + scenario.ruleSetId()), calculator), !compared);
        if (compared) {
            receipt = client.submit(logId, sign(CalculationRecords.build(comparison, "calc-" + stem(scenario) + "-"
                    + COMPARISON_RULE_SET), calculator), true);
        }
        if (receipt.get("checkpoint") == null) {
            throw new IOException("no checkpoint covered the calculation entries within 10 s");
        }
        console.println("calculated from " + evidenceEntries + " entries read back from the log; "
                + (compared ? "two calculation entries appended (" + scenario.ruleSetId() + ", " + COMPARISON_RULE_SET + ")"
                        : "one calculation entry appended (" + scenario.ruleSetId() + ")"));
        return receipt.get("checkpoint").asString();
    }

    private Outcome issueStatement(Scenario scenario, CalculationResult charged, CalculationResult comparison,
            String checkpoint, SigningKey issuer, Optional<ElectricityDemoReport> electricity) throws Exception {
        String statementId = "st-" + stem(scenario) + "-" + scenario.ruleSetId();
        StatementIssue issue = new StatementIssue(statementId, now.toString(), scenario.statementIssuer(),
                scenario.statementRecipient());
        IssuedStatement issued = StatementIssuer.issue(charged, issue, checkpoint, issuer, StatementWorkbook.RENDERER);
        JsonNode stored = client.submitStatement(logId, issued.jws());
        console.println("statement " + statementId + " issued under checkpoint size " + stored.get("treeSize").asLong()
                + ", signed by statement-issuer key " + issuer.keyId().substring(0, 16) + "...");
        new ScenarioDocuments(client, logId, root, console).archive(scenario, statementId);
        return new Outcome(statementId, stored.get("statement"), EmissionsStatements.build(comparison, issue), issuer,
                electricity);
    }

    private static String stem(Scenario scenario) {
        return scenario.installation().installationId().toLowerCase() + "-" + scenario.period().from().getYear();
    }

    /**
     * Both calculations on the signed records before anything is appended: a scenario the engine refuses (a country
     * without the CN code, a malformed record) leaves nothing in the log. The leaf indexes here are positions; the
     * real ones come with the read-back.
     */
    private static void calculateBeforeAppending(Scenario scenario, List<Envelope> envelopes) throws Exception {
        List<EvidenceRecord> evidence = new ArrayList<>();
        for (Envelope envelope : envelopes) {
            evidence.add(EvidenceRecord.fromEnvelope(envelope, evidence.size()));
        }
        EmissionsCalculator.calculate(scenario.request(evidence));
        EmissionsCalculator.calculate(scenario.request(evidence, COMPARISON_RULE_SET));
    }

    private static List<String> submittedKinds(Party party) {
        return party.submits().stream().filter(k -> !k.equals(CALCULATION_KIND) && !k.equals(STATEMENT_KIND)).toList();
    }

    private void register(SigningKey key, String party, String role, List<String> kinds) throws Exception {
        ObjectNode registration = LedgerRecords.keyRegistration(key.publicKey(), party, role, kinds,
                now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS));
        client.submit(logId, sign(registration, root), false);
    }

    private List<EvidenceRecord> readBack(long size) throws Exception {
        List<EvidenceRecord> evidence = new ArrayList<>();
        for (long index = 0; index < size; index++) {
            JsonNode entry = client.entry(logId, index);
            Envelope envelope = Envelope.parse(JSON.writeValueAsBytes(entry.get("envelope")));
            String leafHash = HexFormat.of().formatHex(envelope.leafHash());
            if (!leafHash.equals(entry.get("leafHash").asString())) {
                throw new IOException("entry " + index + ": the service's leaf hash differs from the envelope's");
            }
            evidence.add(EvidenceRecord.fromEnvelope(envelope, index));
        }
        return evidence;
    }

    private static Envelope sign(ObjectNode record, SigningKey key) throws Exception {
        return Envelope.sign(record.get("kind").asString(), LedgerRecords.json(record), key);
    }
}
