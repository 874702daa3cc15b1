package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cbamledger.calculation.rules.RuleSets;
import org.cbamledger.signer.Envelope;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class StatementCheckTest {
    private static WorkedExampleBundle example;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildLog() throws Exception {
        example = new WorkedExampleBundle();
    }

    private static String describe(VerificationReport report) {
        StringBuilder out = new StringBuilder();
        report.results().forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }

    private static void assertFailure(VerificationReport report, String check, String subject, String message) {
        assertFalse(report.passed(), () -> describe(report));
        assertTrue(report.failures().stream().anyMatch(f -> f.check().equals(check) && f.subject().equals(subject)
                        && f.message().equals(message)),
                () -> "expected FAIL " + check + " " + subject + " \"" + message + "\" in\n" + describe(report));
    }

    /** Replaces the first occurrence only: in statement.json the headline figure comes before its trace. */
    private static void replaceFirst(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        int at = text.indexOf(from);
        assertTrue(at >= 0, () -> file + " holds no " + from);
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    @Test
    void verify_passesTheWorkedExampleWithItsStatement() throws Exception {
        VerificationReport report = new Verifier().verify(example.write(tmp.resolve("b")), List.of());

        assertTrue(report.passed(), () -> describe(report));
        List<CheckResult> statement = report.results().stream().filter(r -> r.check().equals("statement")).toList();
        assertEquals(4, statement.size(), () -> describe(report));
        assertTrue(statement.stream().allMatch(r -> r.status() == CheckStatus.PASS), () -> describe(report));
        assertTrue(statement.stream().anyMatch(r -> r.message().startsWith("every figure recomputes")));
        CheckResult calculation = report.results().stream().filter(r -> r.check().equals("calculation")).findFirst().orElseThrow();
        assertEquals(CheckStatus.PASS, calculation.status());
        assertEquals(BundlePaths.entryFile(example.calculationIndex), calculation.subject());
    }

    @Test
    void verify_namesAnEditedFigureOfTheStatement() throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        replaceFirst(bundle.resolve("statement.json"), "\"430.562\"", "\"430.560\"");

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertFailure(report, "statement", "statement.json", "emissions.totalTco2: stated 430.560, recomputed 430.562");
        assertFailure(report, "statement", "statement.json", "is not the payload signed in statement.jws");
        assertEquals(2, report.failures().size(), () -> describe(report));
    }

    @Test
    void verify_namesAnEditedAluminiumParameterOfTheStatement() throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        Path statement = bundle.resolve("statement.json");
        Files.writeString(statement, Files.readString(statement).replaceFirst("(\"otherElementsPercent\"\\s*:\\s*)\"1.22\"", "$1\"0.9\""));

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertFailure(report, "statement", "statement.json", "aluminium.otherElementsPercent: stated 0.9, recomputed 1.22");
    }

    @Test
    void verify_namesTheFiguresOfAnInputEntryEditedAndReSignedByItsKey() throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        long index = example.indexBySource.get("fuels.csv line 3");
        ObjectNode fuel = (ObjectNode) Envelope.parse(example.log.entry(index)).record();
        assertEquals("1320", fuel.get("energyGj").asString());
        fuel.put("energyGj", "1330");
        byte[] edited = TestLog.sign(fuel, example.submitterKeys.get("extruder")).canonicalBytes();
        Files.write(bundle.resolve(BundlePaths.entryFile(index)), edited);

        VerificationReport report = new Verifier().verify(bundle, List.of());

        String file = BundlePaths.entryFile(index);
        assertTrue(report.results().stream().anyMatch(r -> r.check().equals("entry-signature")
                && r.subject().equals(file) && r.status() == CheckStatus.PASS), () -> describe(report));
        assertTrue(report.failures().stream().anyMatch(r -> r.check().equals("entry-leaf-hash")
                && r.subject().equals(file)), () -> describe(report));
        assertTrue(report.failures().stream().anyMatch(r -> r.check().equals("inclusion-proof")), () -> describe(report));
        assertFailure(report, "statement", "statement.json", "emissions.totalTco2: stated 430.562, recomputed 431.123");
        assertFailure(report, "statement", "statement.json", "emissions.directTco2: stated 158.202, recomputed 158.763");
        assertTrue(report.failures().stream().anyMatch(r -> r.check().equals("calculation")
                && r.message().startsWith("outputs.emissions.totalTco2: stated 430.562, recomputed 431.123")), () -> describe(report));
    }

    /** The issuer's statement as format v1, signed again by the issuer: written over the bundle's statement files. */
    private static void asFormatV1(Path bundle, String actualEur) throws Exception {
        ObjectNode v1 = example.issued.statement().deepCopy();
        v1.put("format", "cbam-ledger-emissions-statement/v1");
        ((ObjectNode) v1.get("cost")).put("actualEur", actualEur);
        Files.writeString(bundle.resolve("statement.json"), TestLog.JSON.writeValueAsString(v1));
        Files.writeString(bundle.resolve("statement.jws"),
                org.cbamledger.calculation.statement.StatementJws.sign(v1, example.issuerKey));
    }

    @Test
    void verify_aFormatV1Statement_passesOnItsFigures_andSaysItsTraceIsNotChecked() throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        asFormatV1(bundle, example.issued.statement().at("/cost/actualEur").asString());

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertTrue(report.passed(), () -> describe(report));
        assertTrue(report.results().stream().anyMatch(r -> r.check().equals("statement")
                && r.status() == CheckStatus.NOT_CHECKED && r.message().startsWith("the trace of a format v1 statement")),
                () -> describe(report));
    }

    @Test
    void verify_aFormatV1Label_doesNotHideAnEditedFigure() throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        asFormatV1(bundle, "23630.04");

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertFailure(report, "statement", "statement.json", "cost.actualEur: stated 23630.04, recomputed 23630.03");
    }

    @Test
    void verify_failsAStatementSignedByAKeyThatIsNoStatementIssuer() throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        String jws = org.cbamledger.calculation.statement.StatementJws.sign(example.issued.statement(),
                example.calculatorKey);
        Files.writeString(bundle.resolve("statement.jws"), jws);

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertFailure(report, "statement", "statement.jws", "key " + example.calculatorKey.keyId()
                + " (extruder, calculator) is not a statement-issuer key allowed to sign emissions-statement");
    }

    @Test
    void verify_acceptsAStatementUnderAnEarlierCheckpointChainedToTheLatest() throws Exception {
        WorkedExampleBundle grown = new WorkedExampleBundle();
        long statementSize = grown.log.size();
        ObjectNode later = (ObjectNode) Envelope.parse(grown.log.entry(grown.indexBySource.get("fuels.csv line 3"))).record();
        later.put("recordId", "reheating-furnace-2027").put("periodFrom", "2027-01-01").put("periodTo", "2027-12-31");
        grown.log.append(TestLog.sign(later, grown.submitterKeys.get("extruder")));

        VerificationReport report = new Verifier().verify(grown.write(tmp.resolve("b"), statementSize), List.of());

        assertTrue(report.passed(), () -> describe(report));
        assertTrue(report.results().stream().anyMatch(r -> r.check().equals("statement")
                && r.message().equals("made under the bundle's checkpoint of size " + statementSize)), () -> describe(report));
    }

    @Test
    void verify_failsAStatementWhoseCheckpointIsNotBundled() throws Exception {
        WorkedExampleBundle grown = new WorkedExampleBundle();
        long statementSize = grown.log.size();
        grown.log.append(TestLog.sign(TestLog.record("party").put("partyId", "auditor").put("name", "Auditor"),
                grown.log.rootKey));

        VerificationReport report = new Verifier().verify(grown.write(tmp.resolve("b")), List.of());

        assertFailure(report, "statement", "statement.json", "checkpoint: size " + statementSize
                + " is not one of the bundle's checkpoints [" + (statementSize + 1) + "]");
    }

    @Test
    void verify_failsAStatementWithoutItsJws() throws Exception {
        Path bundle = example.write(tmp.resolve("b"));
        Files.delete(bundle.resolve("statement.jws"));

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertFailure(report, "bundle-layout", "statement.jws", "missing: listed in bundle.json or required by the layout");
    }

    @Test
    void verify_showsARuleSetOverrideAsAWarning() throws Exception {
        Path overrides = tmp.resolve("overrides.json");
        Files.writeString(overrides, """
                {"format": "cbam-ledger-ruleset-overrides/v1",
                 "overrides": {"certificatePrice.2026-Q1": {"value": "80.00", "unit": "EUR/tCO2e",
                   "citation": "illustrative price", "status": "unconfirmed", "reason": "sensitivity run"}}}
                """, StandardCharsets.UTF_8);
        WorkedExampleBundle overridden = new WorkedExampleBundle(RuleSets.readOverrides(overrides));

        VerificationReport report = new Verifier().verify(overridden.write(tmp.resolve("b")), List.of());

        assertTrue(report.passed(), () -> describe(report));
        List<CheckResult> warnings = report.results().stream().filter(r -> r.status() == CheckStatus.WARNING).toList();
        assertEquals(2, warnings.size(), () -> describe(report));
        assertTrue(warnings.stream().allMatch(w -> w.message().startsWith(
                "rule set seed-total overridden: certificatePrice.2026-Q1 = 80")), () -> describe(report));
    }
}
