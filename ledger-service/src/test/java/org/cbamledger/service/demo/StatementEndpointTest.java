package org.cbamledger.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.statement.StatementJws;
import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The statement endpoints over the worked example, loaded, calculated and issued through the HTTP API. */
class StatementEndpointTest {
    private static final String LOG_ID = "statement-endpoints";
    private static RunningService service;
    private static ScenarioDemo.Outcome outcome;

    @BeforeAll
    static void issue() throws Exception {
        service = RunningService.start();
        DemoClient client = new DemoClient(service.http().base(), service.adminToken());
        JsonNode log = client.createLog(LOG_ID, "Example Extrusion A.S.", "TR");
        SigningKey root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519,
                Base64.getDecoder().decode(log.get("rootPrivateKeyPkcs8").asString()));
        outcome = new ScenarioDemo(client, LOG_ID, root, new PrintStream(OutputStream.nullOutputStream()))
                .run(ScenarioLoader.load(Path.of("..", "scenarios", "turkish-extruder-2026")));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return service.http().get("logs/" + LOG_ID + "/statements/" + path, service.adminToken());
    }

    private static HttpResponse<byte[]> post(String jws) throws Exception {
        ObjectNode body = Http.JSON.createObjectNode().put("jws", jws);
        return service.http().post("logs/" + LOG_ID + "/statements", service.adminToken(), Http.JSON.writeValueAsBytes(body));
    }

    @Test
    void scenarioTheEngineRefuses_leavesNothingInTheLog(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("refused");
        Files.createDirectories(scenario);
        try (Stream<Path> files = Files.list(Path.of("..", "scenarios", "turkish-extruder-2026"))) {
            for (Path file : files.toList()) {
                Files.copy(file, scenario.resolve(file.getFileName()));
            }
        }
        // Türkiye has default values, but none for CN 7604 99 99 (not a row of the adopted file)
        for (String file : new String[] {"scenario.json", "batches.csv"}) {
            Path path = scenario.resolve(file);
            Files.writeString(path, Files.readString(path).replace("7604 10 90", "7604 99 99"));
        }
        DemoClient client = new DemoClient(service.http().base(), service.adminToken());
        JsonNode log = client.createLog("refused-scenario", "Example Extrusion A.S.", "TR");
        SigningKey root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519,
                Base64.getDecoder().decode(log.get("rootPrivateKeyPkcs8").asString()));
        long entriesBefore = entryCount(client, "refused-scenario");
        CalculationException refused = assertThrows(CalculationException.class,
                () -> new ScenarioDemo(client, "refused-scenario", root, new PrintStream(OutputStream.nullOutputStream()))
                        .run(ScenarioLoader.load(scenario)));
        assertTrue(refused.getMessage().contains("have rows for country TR but none for CN code 76049999"), refused.getMessage());
        // nothing was appended: not the parties, not a key registration, not a record
        assertEquals(entriesBefore, entryCount(client, "refused-scenario"));
    }

    /** The number of entries the log answers for, counted by reading them (a log has few when it is created). */
    private static long entryCount(DemoClient client, String logId) throws Exception {
        long count = 0;
        while (true) {
            try {
                client.entry(logId, count);
            } catch (IOException e) {
                return count;
            }
            count++;
        }
    }

    @Test
    void pdf_isAPdfWhoseTextHasEveryHeadlineFigure() throws Exception {
        HttpResponse<byte[]> response = get(outcome.statementId() + "/pdf");

        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        String text;
        try (PDDocument document = Loader.loadPDF(response.body())) {
            text = new PDFTextStripper().getText(document);
        }
        for (String expected : new String[] {
            "Total: 0.215281 tCO2e/t",
            "Actual route (these measured emissions): EUR 23,630.03",
            "Default route (the Commission's default values with mark-up): EUR 400,888.82",
            "Total emissions 430.562 t CO2",
            "Direct emissions 158.202 t CO2",
        }) {
            assertTrue(text.contains(expected), "PDF text lacks: " + expected);
        }
    }

    @Test
    void get_returnsTheJwsAndTheStatement_andAReplayAnswers200() throws Exception {
        JsonNode stored = Http.json(get(outcome.statementId()));

        assertEquals("430.562", stored.at("/statement/emissions/totalTco2").asString());
        assertEquals(outcome.statement(), stored.get("statement"));
        assertEquals(outcome.issuerKey().keyId(), stored.get("keyId").asString());
        assertEquals(200, post(stored.get("jws").asString()).statusCode());
    }

    @Test
    void post_refusesAStatementWhoseFigureDoesNotRecompute_namingIt() throws Exception {
        ObjectNode edited = (ObjectNode) outcome.statement().deepCopy();
        ((ObjectNode) edited.get("emissions")).put("totalTco2", "430.560");
        ((ObjectNode) edited.get("issued")).put("statementId", "st-edited");

        HttpResponse<byte[]> response = post(StatementJws.sign(edited, outcome.issuerKey()));

        assertEquals(422, response.statusCode(), Http.text(response));
        assertTrue(Http.text(response).contains("emissions.totalTco2: stated 430.560, recomputed 430.562"),
                Http.text(response));
        assertEquals(404, get("st-edited").statusCode());
    }

    @Test
    void pdf_isTheOneTheSignedStatementBinds() throws Exception {
        byte[] pdf = get(outcome.statementId() + "/pdf").body();

        assertEquals(StatementRenderings.sha256Hex(pdf), outcome.statement().at("/renderings/pdf/sha256").asString());
    }

    @Test
    void post_refusesAStatementBindingAPdfOtherThanItsRendering() throws Exception {
        ObjectNode edited = (ObjectNode) outcome.statement().deepCopy();
        ((ObjectNode) edited.get("issued")).put("statementId", "st-other-pdf");
        edited.withObject("/renderings/pdf").put("sha256", "0".repeat(64));

        HttpResponse<byte[]> response = post(StatementJws.sign(edited, outcome.issuerKey()));

        assertEquals(422, response.statusCode(), Http.text(response));
        assertTrue(Http.text(response).contains("/renderings/pdf/sha256 is " + "0".repeat(64)
                + ", but the PDF rendered from the statement has SHA-256 "), Http.text(response));
        assertEquals(404, get("st-other-pdf").statusCode());
    }

    @Test
    void post_refusesAStatementBindingAWorkbookOtherThanItsRendering() throws Exception {
        ObjectNode edited = (ObjectNode) outcome.statement().deepCopy();
        ((ObjectNode) edited.get("issued")).put("statementId", "st-other-xlsx");
        StatementRenderings.bindPdf(edited); // its own PDF, so that only the workbook's hash is wrong
        edited.withObject("/renderings/communicationTemplate").put("sha256", "0".repeat(64));

        HttpResponse<byte[]> response = post(StatementJws.sign(edited, outcome.issuerKey()));

        assertEquals(422, response.statusCode(), Http.text(response));
        assertTrue(Http.text(response).contains("/renderings/communicationTemplate/sha256 is " + "0".repeat(64)
                + ", but the workbook rendered from the statement has SHA-256 "), Http.text(response));
        assertEquals(404, get("st-other-xlsx").statusCode());
    }

    @Test
    void post_refusesAStatementWithoutRecipient_namingTheMember() throws Exception {
        ObjectNode edited = (ObjectNode) outcome.statement().deepCopy();
        ((ObjectNode) edited.get("issued")).put("statementId", "st-no-recipient").remove("recipient");

        HttpResponse<byte[]> response = post(StatementJws.sign(edited, outcome.issuerKey()));

        assertEquals(422, response.statusCode(), Http.text(response));
        assertTrue(Http.text(response).contains("/issued/recipient must match"), Http.text(response));
        assertEquals(404, get("st-no-recipient").statusCode());
    }

    @Test
    void post_refusesAStatementSignedByAKeyTheLogDoesNotRegister() throws Exception {
        HttpResponse<byte[]> response = post(StatementJws.sign(outcome.statement(), SigningKey.generate(KeyAlgorithm.ED25519)));

        assertEquals(422, response.statusCode());
        assertTrue(Http.text(response).contains("unknown-key"), Http.text(response));
    }

    @Test
    void get_answers404ForAnUnknownStatement() throws Exception {
        HttpResponse<byte[]> response = get("st-none/pdf");

        assertEquals(404, response.statusCode());
        assertTrue(Http.text(response).contains("statement-not-found"), Http.text(response));
    }
}
