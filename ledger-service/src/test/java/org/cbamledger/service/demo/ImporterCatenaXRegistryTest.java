package org.cbamledger.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The importer API's Catena-X aspect takes the O3CI ids and the address from the log's installation and party
 * records: the worked example with its installation registered (scenario.json), its operator's party record too.
 */
class ImporterCatenaXRegistryTest {
    private static final Path SCENARIO = Path.of("..", "scenarios", "turkish-extruder-2026");
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
    void catenaX_carriesTheO3ciIdsAndAddressOfTheInstallationAndOperatorRecords(@TempDir Path dir) throws Exception {
        copy(dir);
        Path scenarioJson = dir.resolve("scenario.json");
        Files.writeString(scenarioJson, Files.readString(scenarioJson).replace("\"countryCode\": \"TR\"",
                "\"countryCode\": \"TR\", \"o3ciInstallationId\": \"TR-O3CI-INST-000123\", \"address\": \"3. Cadde 12\","
                        + " \"postCode\": \"16140\", \"city\": \"Bursa\""));
        DemoClient client = new DemoClient(service.http().base(), service.adminToken());
        String logId = "catenax-registry";
        JsonNode log = client.createLog(logId, "Example Extrusion A.S.", "TR");
        SigningKey root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519, Base64.getDecoder().decode(log.get("rootPrivateKeyPkcs8").asString()));
        ScenarioDemo.Outcome outcome = new ScenarioDemo(client, logId, root, new PrintStream(OutputStream.nullOutputStream()))
                .run(ScenarioLoader.load(dir));
        String path = "importer/statements/" + logId + "/" + outcome.statementId() + "/catena-x";
        String importerToken = service.token(Scopes.importer(outcome.statement().at("/issued/recipient").asString()));

        JsonNode before = Http.json(service.http().get(path, importerToken));
        JsonNode installation = before.at("/good/0/operator/0/installation/0/installationIdentification");
        assertEquals("TR-O3CI-INST-000123", installation.at("/installationIds/installationCbamId").asString());
        assertEquals("Bursa", installation.at("/address/city").asString());
        assertEquals("16140", installation.at("/address/postalCode").asString());
        assertEquals("3. Cadde 12", installation.at("/address/street").asString());
        assertTrue(before.at("/good/0/operator/0/operatorIdentification/operatorIds/operatorCbamId").isMissingNode(),
                "the operator has no party record with an O3CI id yet");

        ObjectNode party = LedgerRecords.operatorParty("extruder", "Example Extrusion A.S.", "TR");
        party.put("o3ciOperatorId", "TR-O3CI-OP-000045");
        client.submit(logId, Envelope.sign(Kinds.PARTY, LedgerRecords.json(party), root), true);
        HttpResponse<byte[]> after = service.http().get(path, importerToken);
        assertEquals(200, after.statusCode(), Http.text(after));
        assertEquals("TR-O3CI-OP-000045",
                Http.json(after).at("/good/0/operator/0/operatorIdentification/operatorIds/operatorCbamId").asString());
    }

    private static void copy(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(SCENARIO)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName().toString()));
            }
        }
    }
}
