package org.cbamledger.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cbamledger.service.bundle.DirectoryZip;
import org.cbamledger.verifier.VerificationReport;
import org.cbamledger.verifier.Verifier;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 002 through the demo: the Serbian extruder's hourly meter and generation data, settlements and GO
 * cancellations in batches over HTTP, the statement, the bundle with uniqueness proofs, the verifier. (A second
 * cancellation of the same GO range is refused: DeploymentClaimsTest.)
 */
class SerbianDemoTest {
    private static final Path SCENARIO = Path.of("..", "scenarios", "serbian-extruder-ppa-2026");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void serbianDemo_classes70000MwhPpaAnd30000MwhGrid_writesTheGapReport_andTheBundleVerifies() throws Exception {
        Path work = Files.createTempDirectory("demo-rs-");
        try {
            Path out = work.resolve("bundle");
            StringBuilder printed = new StringBuilder();
            PrintStream original = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = new CommandLine(new DemoCommand()).execute("--exit", "--out", out.toString(),
                        "--data-dir", work.resolve("data").toString(), "--scenario", SCENARIO.toString());
            } finally {
                System.setOut(original);
                printed.append(captured.toString(StandardCharsets.UTF_8));
                original.print(printed);
            }
            assertEquals(0, code, printed.toString());
            String text = printed.toString();
            assertTrue(text.matches("(?s).*\\n  ppa-renewable +70000 MWh .*"), text);
            assertTrue(text.matches("(?s).*\\n  grid +30000 MWh .*"), text);

            Path gapJson = work.resolve("bundle-gap-report.json");
            Path gapText = work.resolve("bundle-gap-report.txt");
            assertEquals("cbam-ledger-gap-report/v1", JSON.readTree(Files.readAllBytes(gapJson)).get("format").asString());
            assertTrue(Files.size(gapText) > 0);

            VerificationReport report = new Verifier().verify(out, List.of());
            assertTrue(report.passed(), report.failures().toString());
            List<CheckResult> uniqueness = report.results().stream().filter(r -> r.check().equals("uniqueness")).toList();
            assertTrue(uniqueness.stream().anyMatch(r -> r.status() == CheckStatus.PASS && r.subject().startsWith("entries/")),
                    uniqueness.toString());
            assertTrue(uniqueness.stream().allMatch(r -> r.status() == CheckStatus.PASS), uniqueness.toString());
            List<CheckResult> electricity = report.results().stream().filter(r -> r.check().equals("electricity")).toList();
            assertTrue(!electricity.isEmpty() && electricity.stream().allMatch(r -> r.status() == CheckStatus.PASS),
                    electricity.toString());

            assertTrue(Files.exists(out.resolve("statement.json")));
        } finally {
            DirectoryZip.deleteTree(work);
        }
    }
}
