package org.cbamledger.service.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.exchange.supplier.SupplierStatementCommand;
import org.cbamledger.service.bundle.DirectoryZip;
import org.cbamledger.service.demo.DemoLogs;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestDocuments;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.VerificationReport;
import org.cbamledger.verifier.Verifier;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A supplier's filled communication template through {@code ./cbam supplier-statement} into a real service (embedded
 * PostgreSQL, S3Proxy archive): the workbook archived and anchored, the record signed by the supplier's key, and the
 * verifier comparing the record's figures with the bundled workbook's cells.
 */
class SupplierWorkbookEvidenceTest {
    private static final Path WORKBOOK = Path.of("..", "scenarios", "turkish-extruder-2026-workbook", "suppliers",
            "MY-BILLETS-01-2026.xlsx");
    private static final List<String> KINDS = List.of(Kinds.SUPPLIER_PRECURSOR_STATEMENT, Kinds.DOCUMENT_ANCHOR);
    private static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void supplierStatement_anchorsTheWorkbook_signsTheRecord_andTheVerifierFindsItsFiguresInTheCells(@TempDir Path dir)
            throws Exception {
        TestLog log = TestLog.create(service, "supplier-wb");
        Path key = keyFile(log.registerKey("submitter", KINDS), dir);
        Run run = command(log, key, "--cn-code", "76010000", "--verifier", "Example accredited verification body");
        assertEquals(0, run.exit, run.err);
        String sha256 = TestDocuments.sha256(Files.readAllBytes(WORKBOOK));
        assertTrue(run.out.contains("workbook " + sha256 + " archived and anchored"), run.out);
        assertTrue(run.out.contains("8 figures traced to their cells"), run.out);

        JsonNode record = entryRecord(log, Kinds.SUPPLIER_PRECURSOR_STATEMENT);
        assertEquals("0.02805", record.get("directSeeTco2PerTonne").asString());
        assertEquals("Summary_Communication!I26", record.at("/sourceWorkbook/cells/directSeeTco2PerTonne").asString());
        assertEquals(sha256, entryRecord(log, Kinds.DOCUMENT_ANCHOR).get("sha256").asString());
        assertEquals("supplier-precursor-statement/SEE-MY-BILLETS-01-2026",
                entryRecord(log, Kinds.DOCUMENT_ANCHOR).at("/supports/0/recordRef").asString());

        VerificationReport report = verify(log);
        assertTrue(report.passed(), report.failures().toString());
        CheckResult workbook = result(report, "supplier-workbook");
        assertEquals(CheckStatus.PASS, workbook.status(), workbook.toString());
        assertEquals("8 fields equal the cached values of their cells in workbook " + sha256, workbook.message());
    }

    @Test
    void workbookScenario_throughTheDemo_anchorsTheSuppliersWorkbook_andItsBundlePassesTheCellComparison() throws Exception {
        Path scenario = Path.of("..", "scenarios", "turkish-extruder-2026-workbook");
        DemoLogs.Loaded loaded = DemoLogs.load(service, "supplier-wb-demo", "Example Extrusion A.S.", "TR", scenario);
        assertEquals("0.215281", loaded.statement().at("/specific/totalTco2PerTonne").asString(), "the CSV scenario's figure");
        TestLog log = TestLog.attach(service, loaded.logId(), loaded.rootKey(), null);
        Path bundle = TestDocuments.exportBundle(log);
        try {
            VerificationReport report = new Verifier().verify(bundle, List.of());
            assertEquals(List.of(), report.failures());
            assertEquals(CheckStatus.PASS, result(report, "supplier-workbook").status(), report.results().toString());
            assertTrue(Files.exists(bundle.resolve("documents/" + TestDocuments.sha256(Files.readAllBytes(WORKBOOK)))));
        } finally {
            DirectoryZip.deleteTree(bundle);
        }
    }

    @Test
    void aSupplierWhoLowersAFigureItClaimsFromTheWorkbook_failsVerification(@TempDir Path dir) throws Exception {
        TestLog log = TestLog.create(service, "supplier-wb-forged");
        SigningKey supplier = log.registerKey("submitter", KINDS);
        Run dryRun = command(log, keyFile(supplier, dir), "--dry-run");
        assertEquals(0, dryRun.exit, dryRun.err);
        ObjectNode forged = (ObjectNode) Http.JSON.readTree(dryRun.out);
        forged.put("directSeeTco2PerTonne", "0.01");

        HttpResponse<byte[]> anchor = TestDocuments.upload(log, log.submitToken, Files.readAllBytes(WORKBOOK), "billets.xlsx");
        assertEquals(201, anchor.statusCode(), Http.text(anchor));
        assertEquals(201, log.submitAndWait(TestLog.sign(Kinds.DOCUMENT_ANCHOR, anchor.body(), supplier)).statusCode());
        HttpResponse<byte[]> appended = log.submitAndWait(TestLog.sign(Kinds.SUPPLIER_PRECURSOR_STATEMENT,
                forged.toString().getBytes(StandardCharsets.UTF_8), supplier));
        assertEquals(201, appended.statusCode(), "the service takes a well-formed record: " + Http.text(appended));

        VerificationReport report = verify(log);
        assertFalse(report.passed());
        CheckResult workbook = result(report, "supplier-workbook");
        assertEquals(CheckStatus.FAIL, workbook.status());
        assertEquals("directSeeTco2PerTonne is 0.01 but the cell holds 0.02805 at Summary_Communication!I26 of workbook "
                + TestDocuments.sha256(Files.readAllBytes(WORKBOOK)), workbook.message());
    }

    @Test
    void theAluminiumParametersOfTheWorkbook_areComparedWithTheirCells_andAnEditedShareFailsNamingItsCell(@TempDir Path dir)
            throws Exception {
        Path workbook = withAluminiumParameters(dir.resolve("billets-with-parameters.xlsx"));
        String sha256 = TestDocuments.sha256(Files.readAllBytes(workbook));
        TestLog honest = TestLog.create(service, "supplier-wb-al");
        Run run = command(honest, keyFile(honest.registerKey("submitter", KINDS), dir), workbook);
        assertEquals(0, run.exit, run.err);
        assertTrue(run.out.contains("10 figures traced to their cells"), run.out);
        JsonNode record = entryRecord(honest, Kinds.SUPPLIER_PRECURSOR_STATEMENT);
        assertEquals("35.5", record.get("preConsumerScrapPercent").asString());
        assertEquals("Summary_Communication!AB26", record.at("/sourceWorkbook/cells/otherElementsPercent").asString());
        CheckResult passed = result(verify(honest), "supplier-workbook");
        assertEquals("10 fields equal the cached values of their cells in workbook " + sha256, passed.message());

        TestLog forgedLog = TestLog.create(service, "supplier-wb-al-forged");
        SigningKey supplier = forgedLog.registerKey("submitter", KINDS);
        ObjectNode forged = (ObjectNode) record.deepCopy();
        forged.put("otherElementsPercent", "0.2");
        HttpResponse<byte[]> anchor = TestDocuments.upload(forgedLog, forgedLog.submitToken, Files.readAllBytes(workbook), "billets.xlsx");
        assertEquals(201, anchor.statusCode(), Http.text(anchor));
        assertEquals(201, forgedLog.submitAndWait(TestLog.sign(Kinds.DOCUMENT_ANCHOR, anchor.body(), supplier)).statusCode());
        assertEquals(201, forgedLog.submitAndWait(TestLog.sign(Kinds.SUPPLIER_PRECURSOR_STATEMENT,
                forged.toString().getBytes(StandardCharsets.UTF_8), supplier)).statusCode());
        ObjectNode untraced = (ObjectNode) record.deepCopy();
        untraced.put("statementId", "SEE-UNTRACED");
        ((ObjectNode) untraced.at("/sourceWorkbook/cells")).remove("preConsumerScrapPercent");
        assertEquals(201, forgedLog.submitAndWait(TestLog.sign(Kinds.SUPPLIER_PRECURSOR_STATEMENT,
                untraced.toString().getBytes(StandardCharsets.UTF_8), supplier)).statusCode());
        List<String> failures = verify(forgedLog).results().stream().filter(r -> r.check().equals("supplier-workbook"))
                .map(r -> r.status() + " " + r.message()).toList();
        assertEquals(List.of("FAIL otherElementsPercent is 0.2 but the cell holds 0.9 at Summary_Communication!AB26 of workbook "
                + sha256, "FAIL preConsumerScrapPercent is not traced to a cell of workbook " + sha256), failures);
    }

    /** The scenario's supplier workbook with % pre-consumer scrap (Z26) and % other elements (AB26) filled in. */
    private static Path withAluminiumParameters(Path target) throws Exception {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(WORKBOOK));
                var out = Files.newOutputStream(target)) {
            var row = workbook.getSheet("Summary_Communication").getRow(25);
            row.createCell(25).setCellValue(35.5); // Z26
            row.createCell(27).setCellValue(0.9); // AB26
            workbook.write(out);
        }
        return target;
    }

    @Test
    void aKeyNotRegisteredForSupplierStatements_isRefusedByTheService(@TempDir Path dir) throws Exception {
        TestLog log = TestLog.create(service, "supplier-wb-kinds");
        Path key = keyFile(log.registerKey("submitter", List.of(Kinds.DOCUMENT_ANCHOR)), dir);
        Run run = command(log, key);
        assertEquals(2, run.exit);
        assertTrue(run.err.startsWith("supplier-statement: POST /logs/supplier-wb-kinds/entries answered 4"), run.err);
    }

    @Test
    void aFileThatIsNoWorkbook_isRefusedBeforeAnythingIsSent(@TempDir Path dir) throws Exception {
        TestLog log = TestLog.create(service, "supplier-wb-bad");
        Path key = keyFile(log.registerKey("submitter", KINDS), dir);
        Path csv = Files.writeString(dir.resolve("statement.xlsx"), "statementId,cnCode\n");
        long before = log.sequencedSize();
        Run run = run(List.of(csv.toString(), "--statement-id", "S-1", "--installation", "MY-BILLETS-01", "--url",
                service.http().base().toString(), "--log", log.logId, "--token", log.submitToken, "--key", key.toString(),
                "--party", "billet-supplier"));
        assertEquals(2, run.exit);
        assertTrue(run.err.startsWith("supplier-statement: not an xlsx workbook"), run.err);
        assertEquals(before, log.sequencedSize(), "nothing was appended");
    }

    private record Run(int exit, String out, String err) {}

    private static Run command(TestLog log, Path key, String... extra) {
        return command(log, key, WORKBOOK, extra);
    }

    private static Run command(TestLog log, Path key, Path workbook, String... extra) {
        List<String> args = new ArrayList<>(List.of(workbook.toString(), "--statement-id", "SEE-MY-BILLETS-01-2026",
                "--installation", "MY-BILLETS-01", "--url", service.http().base().toString(), "--log", log.logId,
                "--token", log.submitToken, "--key", key.toString(), "--party", "billet-supplier"));
        args.addAll(List.of(extra));
        return run(args);
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SupplierStatementCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path keyFile(SigningKey key, Path dir) throws Exception {
        Path file = dir.resolve("supplier-" + key.keyId().substring(0, 8) + ".pem");
        key.writePem(file);
        return file;
    }

    /** The record of the log's first entry of {@code kind}. */
    private static JsonNode entryRecord(TestLog log, String kind) throws Exception {
        for (long i = 0; i < log.sequencedSize(); i++) {
            JsonNode entry = Http.json(log.read("entries/" + i));
            Envelope envelope = Envelope.parse(Http.JSON.writeValueAsBytes(entry.get("envelope")));
            if (envelope.kind().equals(kind)) {
                return envelope.record();
            }
        }
        throw new AssertionError("no " + kind + " entry");
    }

    private static VerificationReport verify(TestLog log) throws Exception {
        Path bundle = TestDocuments.exportBundle(log);
        try {
            return new Verifier().verify(bundle, List.of(NoteVerifier.parse(log.logVerifierKey)));
        } finally {
            DirectoryZip.deleteTree(bundle);
        }
    }

    private static CheckResult result(VerificationReport report, String check) {
        return report.results().stream().filter(r -> r.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " result: " + report.results()));
    }
}
