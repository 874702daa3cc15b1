package org.cbamledger.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cbamledger.service.bundle.DirectoryZip;
import org.cbamledger.verifier.VerificationReport;
import org.cbamledger.verifier.Verifier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo end to end: its own embedded PostgreSQL, a day of readings over HTTP, the bundle, the verifier. */
class DemoCommandTest {

    @Test
    void demoWithExit_writesABundleThatTheVerifierPasses() throws Exception {
        Path work = Files.createTempDirectory("demo-test-");
        try {
            Path out = work.resolve("bundle");
            int code = new CommandLine(new DemoCommand()).execute("--exit", "--out", out.toString(),
                    "--data-dir", work.resolve("data").toString());
            assertEquals(0, code);
            JsonNode manifest = JsonMapper.builder().build().readTree(Files.readAllBytes(out.resolve("bundle.json")));
            // party, root key, gateway key, 3 meters, 72 reading batches
            assertEquals(78, manifest.get("treeSize").asLong());
            assertEquals(78, manifest.get("entries").size());
            assertTrue(Files.exists(out.resolve("checkpoints/78.note")));
            VerificationReport report = new Verifier().verify(out, java.util.List.of());
            assertTrue(report.passed(), report.failures().toString());
        } finally {
            DirectoryZip.deleteTree(work);
        }
    }
}
