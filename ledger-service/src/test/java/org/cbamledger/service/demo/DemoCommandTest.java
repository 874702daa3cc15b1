package org.cbamledger.service.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.service.bundle.DirectoryZip;
import org.cbamledger.service.support.BundledIndexes;
import org.cbamledger.signer.Envelope;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.VerificationReport;
import org.cbamledger.verifier.Verifier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo end to end: its own embedded PostgreSQL, a day of readings and the worked-example scenario over HTTP,
 * the statement, the bundle, the verifier.
 */
class DemoCommandTest {
    private static final Path SCENARIO = Path.of("..", "scenarios", "turkish-extruder-2026");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Runs the demo with System.out captured (the demo prints to the System.out of its construction). */
    private static int run(StringBuilder printed, String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Callable<Integer> demo = new DemoCommand();
            return new CommandLine(demo).execute(args);
        } finally {
            System.setOut(original);
            printed.append(captured.toString(StandardCharsets.UTF_8));
            original.print(printed);
        }
    }

    @Test
    void demoWithExit_writesTheWorkedExampleStatementInABundleThatTheVerifierPasses() throws Exception {
        Path work = Files.createTempDirectory("demo-test-");
        try {
            Path out = work.resolve("bundle");
            StringBuilder printed = new StringBuilder();
            int code = run(printed, "--exit", "--out", out.toString(), "--data-dir", work.resolve("data").toString(),
                    "--scenario", SCENARIO.toString());
            assertEquals(0, code, printed.toString());

            JsonNode statement = JSON.readTree(Files.readAllBytes(out.resolve("statement.json")));
            assertEquals("seed-total", statement.at("/ruleSet/id").asString());
            assertEquals("430.562", statement.at("/emissions/totalTco2").asString());
            assertEquals("158.202", statement.at("/emissions/directTco2").asString());
            assertEquals("0.215281", statement.at("/specific/totalTco2PerTonne").asString());
            assertEquals("23630.03", statement.at("/cost/actualEur").asString());
            assertEquals("400888.82", statement.at("/cost/defaultEur").asString());
            assertTrue(printed.toString().contains("on the eu-definitive-2026 basis (charged direct): cost.actualEur EUR 3,104.98"),
                    printed.toString());
            assertTrue(printed.toString().contains("EUR 23,630.03"), printed.toString());
            assertTrue(!printed.toString().contains("/./"), printed.toString());
            assertTrue(Files.exists(out.resolve("statement.jws")));
            assertTrue(Files.exists(out.resolveSibling(out.getFileName() + "-communication.xlsx")));
            assertTrue(Files.exists(out.resolve("statement.pdf")));
            // the bundled workbook is the one the signed statement binds, and the one written beside the bundle
            byte[] workbook = Files.readAllBytes(out.resolve("statement.xlsx"));
            assertEquals(StatementRenderings.sha256Hex(workbook), statement.at("/renderings/communicationTemplate/sha256").asString());
            assertArrayEquals(workbook, Files.readAllBytes(out.resolveSibling(out.getFileName() + "-communication.xlsx")));

            JsonNode manifest = JSON.readTree(Files.readAllBytes(out.resolve("bundle.json")));
            // party, root key, gateway key, 3 meters, 72 reading batches; 3 parties, 4 keys, the scenario's
            // records, 2 calculations; 2 document keys (supplier, operator) and 4 document anchors
            // and the log's own index commitments, appended on a schedule while the demo runs (CONTRACTS.md)
            Map<Long, byte[]> bundled = BundledIndexes.entries(out);
            long commitments = indexCommitments(bundled);
            long size = 78 + 3 + 4 + ScenarioLoader.load(SCENARIO).records().size() + 2 + 2 + 4 + commitments;
            assertEquals(size, manifest.get("treeSize").asLong());
            assertEquals(size, bundled.size());
            assertEquals("statement.json", manifest.get("statement").asString());
            VerificationReport report = new Verifier().verify(out, List.of());
            assertTrue(report.passed(), report.failures().toString());
            // two witnesses and a TSA ran beside the service: the policy the demo wrote pins them
            Path policy = out.resolveSibling(out.getFileName() + "-policy.json");
            VerificationReport trusted = new Verifier().verify(out,
                    org.cbamledger.verifier.policy.PolicyFile.parse(Files.readAllBytes(policy)));
            assertEquals(VerificationReport.Outcome.PASSED, trusted.outcome(), trusted.failures().toString());
            String largest = Files.readString(out.resolve("checkpoints/" + size + ".note"));
            assertEquals(3, org.cbamledger.signer.SignedNote.parse(largest).signatures().size(), largest);
            assertTrue(manifest.has("timestamps"), manifest.toString());
            assertTrue(trusted.results().stream().anyMatch(r -> r.check().equals("existed-by")
                    && r.status() == org.cbamledger.verifier.context.CheckStatus.PASS), trusted.results().toString());
            assertTrue(printed.toString().contains("./cbam verify " + out + " --policy " + policy), printed.toString());
            // supplier statement, invoice, meter export and the statement PDF, archived and anchored
            assertEquals(4, manifest.get("documents").size(), manifest.get("documents").toString());
            for (JsonNode document : manifest.get("documents")) {
                String sha256 = document.get("sha256").asString();
                assertTrue(Files.exists(out.resolve("documents/" + sha256)), sha256);
                assertTrue(report.results().stream().anyMatch(r -> r.check().equals("document-hash")
                        && r.subject().contains(sha256) && r.status() == org.cbamledger.verifier.context.CheckStatus.PASS),
                        report.results().toString());
            }

            Path file = out.resolve("statement.json");
            String text = Files.readString(file);
            int at = text.indexOf("\"430.562\"");
            Files.writeString(file, text.substring(0, at) + "\"430.560\"" + text.substring(at + 9));
            VerificationReport edited = new Verifier().verify(out, List.of());
            assertFalse(edited.passed());
            assertTrue(edited.failures().stream().anyMatch(f -> f.check().equals("statement")
                            && f.message().equals("emissions.totalTco2: stated 430.560, recomputed 430.562")),
                    edited.failures().toString());
        } finally {
            DirectoryZip.deleteTree(work);
        }
    }

    @Test
    void demo_namesTheFileLineAndColumnOfAScenarioInputError() throws Exception {
        Path work = Files.createTempDirectory("demo-test-");
        try {
            Path scenario = work.resolve("scenario");
            Files.createDirectories(scenario);
            try (var files = Files.list(SCENARIO)) {
                for (Path f : files.toList()) {
                    Files.copy(f, scenario.resolve(f.getFileName()));
                }
            }
            Path batches = scenario.resolve("batches.csv");
            String text = Files.readString(batches);
            assertTrue(text.contains(",2000,"), text);
            Files.writeString(batches, text.replace(",2000,", ",\"2,000\","));
            StringBuilder printed = new StringBuilder();

            int code = run(printed, "--exit", "--out", work.resolve("bundle").toString(), "--scenario", scenario.toString());

            assertEquals(2, code, printed.toString());
            assertTrue(printed.toString().contains("batches.csv line "), printed.toString());
            assertTrue(printed.toString().contains("column tonnesOut: '2,000' is not a number"), printed.toString());
            assertFalse(Files.exists(work.resolve("bundle")));
        } finally {
            DirectoryZip.deleteTree(work);
        }
    }

    private static long indexCommitments(Map<Long, byte[]> bundled) throws Exception {
        long count = 0;
        for (byte[] entry : bundled.values()) {
            JsonNode envelope = JSON.readTree(entry);
            if (envelope.get("payloadType").asString().equals(Envelope.payloadTypeFor(Kinds.INDEX_COMMITMENT))) {
                count++;
            }
        }
        return count;
    }
}
