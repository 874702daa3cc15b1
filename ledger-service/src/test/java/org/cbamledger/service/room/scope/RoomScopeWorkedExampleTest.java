package org.cbamledger.service.room.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.core.UsedEvidence;
import org.cbamledger.calculation.scenario.ElectricityScenarioFiles;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Party;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scenarios as logs built the way the demo submits them (operator party and root key, a party record and
 * submitter key per party, calculator and statement-issuer keys, every record signed by its party), the
 * calculation appended, the statement stored; then the room for the scenario's own installation, period and CN
 * code must hold everything the calculation used.
 */
class RoomScopeWorkedExampleTest {
    static final Path SCENARIOS = Path.of("..", "scenarios");

    /** A scenario's log with the calculation appended and its statement. */
    record ScenarioLog(Scenario scenario, RoomScopeTest.Log log, CalculationResult result, long calculationIndex,
            StoredStatement statement, RoomDefinition room) {}

    static ScenarioLog build(String directory, boolean electricity) throws Exception {
        Path dir = SCENARIOS.resolve(directory);
        Scenario scenario = ScenarioLoader.load(dir);
        List<ScenarioRecord> records = new ArrayList<>(scenario.records());
        if (electricity) {
            records.addAll(ElectricityScenarioFiles.load(dir, scenario));
        }
        RoomScopeTest.Log log = new RoomScopeTest.Log();
        SigningKey root = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey calculator = SigningKey.generate(KeyAlgorithm.ED25519);
        SigningKey issuer = SigningKey.generate(KeyAlgorithm.ED25519);
        String operator = scenario.statementIssuer();
        log.append("operator", scenario.party(operator).record(), root);
        log.append("root", registration(root, operator, "root", List.of("*")), root);
        Map<String, SigningKey> keys = new HashMap<>();
        for (Party party : scenario.parties()) {
            List<String> kinds = party.submits().stream()
                    .filter(k -> !k.equals("calculation") && !k.equals("emissions-statement")).toList();
            if (!party.partyId().equals(operator)) {
                log.append("party " + party.partyId(), party.record(), root);
            }
            if (!kinds.isEmpty()) {
                SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
                keys.put(party.partyId(), key);
                log.append("key " + party.partyId(), registration(key, party.partyId(), "submitter", kinds), root);
            }
        }
        log.append("calculator", registration(calculator, operator, "calculator", List.of("calculation")), root);
        log.append("issuer", registration(issuer, operator, "statement-issuer", List.of("emissions-statement")), root);
        int n = 0;
        for (ScenarioRecord record : records) {
            log.append("record " + n++ + " " + record.source(), record.record(), keys.get(record.partyId()));
        }
        List<EvidenceRecord> evidence = new ArrayList<>();
        for (StoredEntry entry : log.entries) {
            evidence.add(EvidenceRecord.fromEnvelope(Envelope.parse(entry.envelope()), entry.index()));
        }
        CalculationResult result = EmissionsCalculator.calculate(scenario.request(evidence));
        long calculationIndex = log.append("calculation", CalculationRecords.build(result, "calc-1"), calculator);
        ObjectNode statementJson = EmissionsStatements.build(result,
                new StatementIssue("st-1", "2026-11-22T10:00:00Z", operator, scenario.statementRecipient()));
        StoredStatement statement = new StoredStatement("log-1", "st-1", issuer.keyId(), log.entries.size(), "jws",
                LedgerRecords.json(statementJson), new byte[0]);
        RoomDefinition room = room(scenario, scenario.installation().installationId(), scenario.cnCode());
        return new ScenarioLog(scenario, log, result, calculationIndex, statement, room);
    }

    static RoomDefinition room(Scenario scenario, String installationId, String cnCode) {
        return new RoomDefinition("room-1", "log-1", "room", installationId, scenario.period().from(),
                scenario.period().to(), new TreeSet<>(List.of(cnCode)), "operator", Instant.now());
    }

    static ObjectNode registration(SigningKey key, String party, String role, List<String> kinds) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return LedgerRecords.keyRegistration(key.publicKey(), party, role, kinds, now, now.plus(730, ChronoUnit.DAYS));
    }

    static Set<Long> used(CalculationResult result) {
        Set<Long> used = new TreeSet<>();
        for (UsedEvidence input : result.usedEvidence()) {
            used.add(input.leafIndex());
        }
        return used;
    }

    @Test
    void turkishExtruder_roomHoldsEveryEntryTheCalculationUses() throws Exception {
        ScenarioLog s = build("turkish-extruder-2026", false);
        RoomSelection selection = ScopeWalk.select(s.room(), s.log(), List.of(s.statement()));

        assertTrue(selection.contains(s.calculationIndex()), "the calculation");
        assertFalse(used(s.result()).isEmpty());
        assertTrue(selection.indexes().containsAll(used(s.result())),
                "missing " + missing(selection, used(s.result())));
        assertEquals(List.of("st-1"), selection.statements().stream().map(StoredStatement::statementId).toList());
        assertEverySignerRegistered(s.log(), selection);
    }

    @Test
    void turkishExtruder_fieldRulesAlone_selectWhatTheEngineUsed() throws Exception {
        ScenarioLog s = build("turkish-extruder-2026", false);
        // without the calculation entry and statement nothing lists the inputs: the field and reference rules must
        // find them, which is what a calculation recorded with inputsDigest relies on
        List<StoredEntry> withoutCalculation = s.log().entries.stream()
                .filter(e -> e.index() != s.calculationIndex()).toList();
        RoomSelection selection = ScopeWalk.select(s.room(), each -> withoutCalculation.forEach(each), List.of());
        assertTrue(selection.indexes().containsAll(used(s.result())),
                "missing " + missing(selection, used(s.result())));
    }

    @Test
    void turkishExtruder_roomOfAnotherCnCode_holdsTheInstallationsCalculation_anotherInstallationsNoneOfIt()
            throws Exception {
        ScenarioLog s = build("turkish-extruder-2026", false);
        // issue 12: every calculation and statement of the installation and period is in its rooms, whatever the
        // room's CN codes, so a room cannot be cut to leave a second calculation out
        RoomSelection otherCode = ScopeWalk.select(
                room(s.scenario(), s.scenario().installation().installationId(), "76042100"), s.log(),
                List.of(s.statement()));
        assertTrue(otherCode.contains(s.calculationIndex()));
        assertEquals(1, otherCode.statements().size());
        assertTrue(otherCode.indexes().containsAll(used(s.result())), "missing " + missing(otherCode, used(s.result())));
        RoomSelection otherInstallation = ScopeWalk.select(
                room(s.scenario(), "OTHER-INSTALLATION", s.scenario().cnCode()), s.log(), List.of(s.statement()));
        assertFalse(otherInstallation.contains(s.calculationIndex()));
        assertTrue(otherInstallation.statements().isEmpty());
        assertNoneOfKind(s.log(), otherInstallation, "production-batch");
        assertNoneOfKind(s.log(), otherInstallation, "supplier-precursor-statement");
        assertNoneOfKind(s.log(), otherInstallation, "installation");
        assertNoneOfKind(s.log(), otherInstallation, "emission-factor");
        assertEquals(new TreeSet<>(List.of(0L, 1L)), otherInstallation.indexes(), "only the log's own bootstrap");
    }

    @Test
    void serbianPpaExtruder_roomHoldsEveryEntryTheCalculationUses_byFieldRulesToo() throws Exception {
        ScenarioLog s = build("serbian-extruder-ppa-2026", true);
        RoomSelection selection = ScopeWalk.select(s.room(), s.log(), List.of(s.statement()));
        assertTrue(selection.contains(s.calculationIndex()), "the calculation");
        assertTrue(selection.indexes().containsAll(used(s.result())),
                "missing " + missing(selection, used(s.result())));
        assertEverySignerRegistered(s.log(), selection);

        List<StoredEntry> withoutCalculation = s.log().entries.stream()
                .filter(e -> e.index() != s.calculationIndex()).toList();
        RoomSelection byRules = ScopeWalk.select(s.room(), each -> withoutCalculation.forEach(each), List.of());
        assertTrue(byRules.indexes().containsAll(used(s.result())), "missing " + missing(byRules, used(s.result())));

        // a first-quarter room holds the year's calculation and statement (their period touches its months) and
        // with them the inputs they list; without them, later readings stay out
        RoomDefinition q1 = new RoomDefinition("room-q1", "log-1", "q1", s.room().installationId(),
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"), s.room().cnCodes(), "operator",
                Instant.now());
        RoomSelection quarter = ScopeWalk.select(q1, s.log(), List.of(s.statement()));
        assertTrue(quarter.contains(s.calculationIndex()));
        assertEquals(1, quarter.statements().size());
        assertTrue(quarter.indexes().containsAll(used(s.result())), "missing " + missing(quarter, used(s.result())));
        RoomSelection quarterByRules = ScopeWalk.select(q1, each -> withoutCalculation.forEach(each), List.of());
        for (String kind : List.of("meter-reading-batch", "generation-data", "supply-settlement", "go-cancellation")) {
            long year = count(s.log(), selection, kind);
            long inQuarter = count(s.log(), quarterByRules, kind);
            assertTrue(inQuarter > 0 && inQuarter < year, kind + ": " + inQuarter + " of " + year);
        }
    }

    private static long count(RoomScopeTest.Log log, RoomSelection selection, String kind) {
        return log.entries.stream().filter(e -> e.kind().equals(kind) && selection.contains(e.index())).count();
    }

    private static void assertNoneOfKind(RoomScopeTest.Log log, RoomSelection selection, String kind) {
        for (StoredEntry entry : log.entries) {
            if (entry.kind().equals(kind)) {
                assertFalse(selection.contains(entry.index()), kind + " at " + entry.index());
            }
        }
    }

    private static List<String> missing(RoomSelection selection, Set<Long> used) {
        return used.stream().filter(i -> !selection.contains(i)).map(i -> "leaf " + i).toList();
    }

    /** Offline checking needs the registration of every key that signed an entry of the room. */
    private static void assertEverySignerRegistered(RoomScopeTest.Log log, RoomSelection selection) throws Exception {
        Set<String> registered = new HashSet<>();
        Set<String> signers = new HashSet<>();
        for (long index : selection.indexes()) {
            Envelope envelope = Envelope.parse(log.entries.get((int) index).envelope());
            envelope.signatures().forEach(sig -> signers.add(sig.keyId()));
            JsonNode record = envelope.record();
            if (envelope.kind().equals("key-registration")) {
                registered.add(record.get("keyId").asString());
            }
        }
        selection.statements().forEach(s -> signers.add(s.keyId()));
        assertTrue(registered.containsAll(signers), "signers without registration in the room");
        assertTrue(selection.contains(0) && selection.contains(1), "operator party and root key");
    }
}
