package org.cbamledger.service.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.AlgorithmParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.calculation.statement.StatementJws;
import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.http.StrongEtag;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.Jws;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.exchange.template.CommunicationTemplateReader;
import org.cbamledger.exchange.template.ImportedTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The importer API over the worked example: its statement and three more signed by the same issuer key, two more
 * for the scenario's importer and one for another importer.
 */
class ImporterEndpointTest {
    private static final String LOG_ID = "importer-endpoints";
    private static final String OTHER = "other-importer";
    private static RunningService service;
    private static ScenarioDemo.Outcome outcome;
    private static String importer;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void issue() throws Exception {
        service = RunningService.start();
        DemoClient client = new DemoClient(service.http().base(), service.adminToken());
        JsonNode log = client.createLog(LOG_ID, "Example Extrusion A.S.", "TR");
        SigningKey root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519,
                Base64.getDecoder().decode(log.get("rootPrivateKeyPkcs8").asString()));
        outcome = new ScenarioDemo(client, LOG_ID, root, new PrintStream(OutputStream.nullOutputStream()))
                .run(ScenarioLoader.load(Path.of("..", "scenarios", "turkish-extruder-2026")));
        importer = outcome.statement().at("/issued/recipient").asString();
        issueCopy("st-a-2", importer);
        issueCopy("st-b-1", OTHER);
        issueCopy("st-a-3", importer);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static void issueCopy(String statementId, String recipient) throws Exception {
        ObjectNode copy = (ObjectNode) outcome.statement().deepCopy();
        ((ObjectNode) copy.get("issued")).put("statementId", statementId).put("recipient", recipient);
        StatementRenderings.bindPdf(copy);
        ObjectNode body = Http.JSON.createObjectNode().put("jws", StatementJws.sign(copy, outcome.issuerKey()));
        HttpResponse<byte[]> response = service.http().post("logs/" + LOG_ID + "/statements", service.adminToken(),
                Http.JSON.writeValueAsBytes(body));
        assertEquals(201, response.statusCode(), Http.text(response));
    }

    private static String tokenOf(String party) {
        return service.token(Scopes.importer(party));
    }

    private static HttpResponse<byte[]> get(String path, String token, String ifNoneMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(service.http().base().resolve(path.startsWith("/")
                ? path.substring(1) : path)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.get("items")) {
            ids.add(item.get("statementId").asString());
        }
        return ids;
    }

    @Test
    void list_showsEachImporterOnlyTheStatementsIssuedToIt_newestFirst() throws Exception {
        JsonNode mine = Http.json(get("importer/statements", tokenOf(importer), null));
        JsonNode other = Http.json(get("importer/statements", tokenOf(OTHER), null));

        assertEquals(List.of("st-a-3", "st-a-2", outcome.statementId()), ids(mine));
        assertEquals(List.of("st-b-1"), ids(other));
        JsonNode first = mine.get("items").get(0);
        assertEquals(LOG_ID, first.get("logId").asString());
        assertEquals(outcome.statement().get("cnCode"), first.get("cnCode"));
        assertEquals(outcome.statement().get("period"), first.get("period"));
        assertEquals(outcome.statement().at("/issued/issuedAt"), first.get("issuedAt"));
        assertEquals("/importer/statements/" + LOG_ID + "/st-a-3/pdf", first.at("/links/pdf").asString());
        assertTrue(mine.get("next").isNull());
    }

    @Test
    void list_paginatesByCursorUntilNoNextLink() throws Exception {
        JsonNode page1 = Http.json(get("importer/statements?limit=2", tokenOf(importer), null));
        String next = page1.get("next").asString();
        JsonNode page2 = Http.json(get(next, tokenOf(importer), null));

        assertEquals(List.of("st-a-3", "st-a-2"), ids(page1));
        assertEquals(List.of(outcome.statementId()), ids(page2));
        assertTrue(page2.get("next").isNull());
        assertEquals(400, get("importer/statements?cursor=not-a-cursor", tokenOf(importer), null).statusCode());
        assertEquals(400, get("importer/statements?limit=0", tokenOf(importer), null).statusCode());
    }

    @Test
    void get_answers404ForAStatementIssuedToAnotherImporter_andItsOwnerGetsIt() throws Exception {
        String path = "importer/statements/" + LOG_ID + "/st-b-1";

        HttpResponse<byte[]> foreign = get(path, tokenOf(importer), null);
        assertEquals(404, foreign.statusCode());
        assertTrue(Http.text(foreign).contains("statement-not-found"), Http.text(foreign));
        assertEquals(404, get(path + "/pdf", tokenOf(importer), null).statusCode());
        assertEquals(404, get("importer/statements/" + LOG_ID + "/st-none", tokenOf(importer), null).statusCode());
        assertEquals(404, get("importer/statements/" + LOG_ID + "/" + outcome.statementId(), tokenOf(OTHER), null)
                .statusCode());

        HttpResponse<byte[]> own = get(path, tokenOf(OTHER), null);
        assertEquals(200, own.statusCode(), Http.text(own));
        assertEquals(OTHER, Http.json(own).at("/statement/issued/recipient").asString());
        HttpResponse<byte[]> pdf = get(path + "/pdf", tokenOf(OTHER), null);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
    }

    @Test
    void get_returnsTheJwsItsCheckpointAndAConsistencyProofToTheLatest() throws Exception {
        JsonNode body = Http.json(get("importer/statements/" + LOG_ID + "/" + outcome.statementId(),
                tokenOf(importer), null));

        assertEquals(outcome.statement(), body.get("statement"));
        assertEquals(outcome.statement().get("checkpoint").asString(), body.at("/checkpoint/signedNote").asString());
        assertEquals(body.at("/checkpoint/treeSize").asLong(), body.at("/consistency/from").asLong());
        assertEquals(body.at("/latestCheckpoint/treeSize").asLong(), body.at("/consistency/to").asLong());
        assertTrue(body.at("/latestCheckpoint/treeSize").asLong() >= body.at("/checkpoint/treeSize").asLong());
    }

    @Test
    void etag_isTheSha256OfTheBody_andIfNoneMatchAnswers304() throws Exception {
        for (String path : List.of("importer/statements", "importer/statements/" + LOG_ID + "/st-a-2",
                "importer/statements/" + LOG_ID + "/st-a-2/pdf")) {
            HttpResponse<byte[]> first = get(path, tokenOf(importer), null);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertEquals(StrongEtag.of(first.body()), etag);
            assertFalse(etag.startsWith("W/"));

            HttpResponse<byte[]> again = get(path, tokenOf(importer), etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals(0, again.body().length);
            assertEquals(200, get(path, tokenOf(importer), "\"0000\"").statusCode(), path);
        }
    }

    @Test
    void jwks_isPublic_andItsKeyVerifiesTheFetchedJws() throws Exception {
        HttpResponse<byte[]> response = get(".well-known/jwks.json", null, null);
        assertEquals(200, response.statusCode(), Http.text(response));
        String jws = Http.json(get("importer/statements/" + LOG_ID + "/st-a-2", tokenOf(importer), null))
                .get("jws").asString();
        String kid = Http.JSON.readTree(Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))))
                .get("kid").asString();

        JsonNode jwk = null;
        for (JsonNode k : Http.json(response).get("keys")) {
            if (k.get("kid").asString().equals(kid)) {
                jwk = k;
            }
        }
        assertTrue(jwk != null, "no JWK with kid " + kid + " in " + Http.text(response));
        assertEquals("sig", jwk.get("use").asString());
        byte[] payload = Jws.verify(jws, publicKeyOf(jwk));
        assertEquals("st-a-2", Http.JSON.readTree(payload).at("/issued/statementId").asString());
        assertArrayEquals(payload, CanonicalJson.canonicalize(Http.JSON.readTree(payload)));
    }

    @Test
    void importerToken_isRefusedLogReads_andOtherTokensAreRefusedTheImporterApi() throws Exception {
        HttpResponse<byte[]> entry = get("logs/" + LOG_ID + "/entries/0", tokenOf(importer), null);
        assertEquals(403, entry.statusCode(), Http.text(entry));
        assertEquals(403, get("logs/" + LOG_ID + "/statements/" + outcome.statementId(), tokenOf(importer), null)
                .statusCode());
        assertEquals(403, get("importer/statements", service.token(Scopes.read(LOG_ID)), null).statusCode());
        assertEquals(401, get("importer/statements", null, null).statusCode());
    }

    @Test
    void exports_followTheStatementsAccessRules_andCarryItsFigures() throws Exception {
        String foreign = "importer/statements/" + LOG_ID + "/st-b-1";
        for (String export : List.of("/communication.xlsx", "/catena-x", "/pact")) {
            assertEquals(404, get(foreign + export, tokenOf(importer), null).statusCode(), export);
            assertEquals(401, get(foreign + export, null, null).statusCode(), export);
        }
        String own = "importer/statements/" + LOG_ID + "/" + outcome.statementId();
        HttpResponse<byte[]> xlsx = get(own + "/communication.xlsx", tokenOf(importer), null);
        assertEquals(200, xlsx.statusCode(), Http.text(xlsx));
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx.headers().firstValue("Content-Type").orElse(""));
        ImportedTemplate read = CommunicationTemplateReader.read(xlsx.body());
        assertEquals(0, new java.math.BigDecimal(outcome.statement().at("/specific/totalTco2PerTonne").asString())
                .compareTo(new java.math.BigDecimal(read.value("products[0].totalSeeTco2PerTonne"))));
        assertArrayEquals(xlsx.body(), get(own + "/communication.xlsx", tokenOf(importer), null).body(), "same statement, same bytes");

        JsonNode catenaX = Http.json(get(own + "/catena-x", tokenOf(importer), null));
        assertEquals("76041090", catenaX.at("/good/0/cnCode").asString());
        JsonNode pact = Http.json(get(own + "/pact", tokenOf(importer), null));
        assertEquals("3.0.0", pact.get("specVersion").asString());
        assertEquals("TR", pact.at("/pcf/geographyCountry").asString());
    }

    private static PublicKeyInfo publicKeyOf(JsonNode jwk) throws Exception {
        byte[] x = Base64.getUrlDecoder().decode(jwk.get("x").asString());
        if (jwk.get("kty").asString().equals("OKP")) {
            // RFC 8410 §4 SubjectPublicKeyInfo prefix for Ed25519.
            byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(x));
            return new PublicKeyInfo(KeyAlgorithm.ED25519, spki);
        }
        byte[] y = Base64.getUrlDecoder().decode(jwk.get("y").asString());
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPublicKeySpec spec = new ECPublicKeySpec(new ECPoint(new BigInteger(1, x), new BigInteger(1, y)),
                parameters.getParameterSpec(ECParameterSpec.class));
        return new PublicKeyInfo(KeyAlgorithm.ECDSA_P256, KeyFactory.getInstance("EC").generatePublic(spec).getEncoded());
    }
}
