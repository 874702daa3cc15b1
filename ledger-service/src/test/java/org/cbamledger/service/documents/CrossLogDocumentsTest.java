package org.cbamledger.service.documents;

import static org.cbamledger.service.support.TestDocuments.exportBundle;
import static org.cbamledger.service.support.TestDocuments.sha256;
import static org.cbamledger.service.support.TestDocuments.storedBlob;
import static org.cbamledger.service.support.TestDocuments.upload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.bundle.DirectoryZip;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One deployment, two logs, one archive keyed by sha256: the tokens of log A (admin, read, submit) against the
 * documents of log B. A's tenant must learn nothing of B's documents and touch none of them.
 */
class CrossLogDocumentsTest {
    private static final List<String> KINDS = List.of(Kinds.DOCUMENT_ANCHOR, Kinds.DOCUMENT_ERASURE);
    private static RunningService service;

    @BeforeAll
    static void start() throws IOException {
        service = RunningService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void otherLogsDocument_answers404ExactlyLikeANonExistentOne_forEveryTokenOfTheOtherLog() throws Exception {
        TestLog a = TestLog.create(service, "cross-read-a");
        TestLog b = TestLog.create(service, "cross-read-b");
        byte[] invoice = "B's electricity invoice, 2026-03, 812.4 MWh".getBytes(StandardCharsets.UTF_8);
        String ofB = sha256(invoice);
        String nowhere = sha256("no log holds these bytes".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, upload(b, b.submitToken, invoice, "invoice.txt").statusCode());

        for (String token : List.of(a.readToken, a.submitToken, service.token(Scopes.logAdmin(a.logId)))) {
            HttpResponse<byte[]> theirs = service.http().get(path(a, ofB), token);
            HttpResponse<byte[]> none = service.http().get(path(a, nowhere), token);
            if (token.equals(a.submitToken)) {
                assertEquals(403, theirs.statusCode(), "submit alone does not read: " + Http.text(theirs));
                assertEquals(403, none.statusCode());
                continue;
            }
            assertEquals(404, theirs.statusCode(), Http.text(theirs));
            assertSameProblem(none, nowhere, theirs, ofB);
            assertEquals(403, service.http().get(path(b, ofB), token).statusCode(), "A's token reads nothing of B");
        }
        assertArrayEquals(invoice, b.read("documents/" + ofB).body(), "B reads its own document");
    }

    @Test
    void otherLogsAdmin_cannotEraseIt_andItsDeleteAnswers404LikeForNothing() throws Exception {
        TestLog a = TestLog.create(service, "cross-erase-a");
        TestLog b = TestLog.create(service, "cross-erase-b");
        byte[] contract = "B's PPA contract, signatory: Jelena P.".getBytes(StandardCharsets.UTF_8);
        String ofB = sha256(contract);
        String nowhere = sha256("never uploaded anywhere".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, upload(b, b.submitToken, contract, "ppa.txt").statusCode());
        String adminOfA = service.token(Scopes.logAdmin(a.logId));

        HttpResponse<byte[]> theirs = service.http().send("DELETE", path(a, ofB) + "?reason=gdpr", adminOfA);
        HttpResponse<byte[]> none = service.http().send("DELETE", path(a, nowhere) + "?reason=gdpr", adminOfA);
        assertEquals(404, theirs.statusCode(), Http.text(theirs));
        assertSameProblem(none, nowhere, theirs, ofB);
        assertEquals(403, service.http().send("DELETE", path(b, ofB) + "?reason=gdpr", adminOfA).statusCode());
        assertEquals(403, service.http().send("DELETE", path(a, ofB) + "?reason=gdpr", a.readToken).statusCode());

        HttpResponse<byte[]> stillThere = b.read("documents/" + ofB);
        assertEquals(200, stillThere.statusCode(), Http.text(stillThere));
        assertArrayEquals(contract, stillThere.body());
    }

    @Test
    void upload_answers201WhateverOtherLogsHold_andTheSameAnchorAsForNewBytes() throws Exception {
        TestLog a = TestLog.create(service, "cross-upload-a");
        TestLog b = TestLog.create(service, "cross-upload-b");
        byte[] held = "a meter export B archived first".getBytes(StandardCharsets.UTF_8);
        byte[] fresh = "a meter export nobody archived".getBytes(StandardCharsets.UTF_8);
        assertEquals(201, upload(b, b.submitToken, held, "export.csv").statusCode());

        HttpResponse<byte[]> heldElsewhere = upload(a, a.submitToken, held, "export.csv");
        HttpResponse<byte[]> heldNowhere = upload(a, a.submitToken, fresh, "export.csv");
        assertEquals(201, heldElsewhere.statusCode(), Http.text(heldElsewhere));
        assertEquals(201, heldNowhere.statusCode(), Http.text(heldNowhere));
        assertEquals(heldNowhere.headers().map().keySet(), heldElsewhere.headers().map().keySet());
        assertEquals(fieldNames(Http.json(heldNowhere)), fieldNames(Http.json(heldElsewhere)));
        assertEquals(201, upload(a, a.submitToken, held, "export.csv").statusCode(), "again: still 201");
        assertArrayEquals(held, a.read("documents/" + sha256(held)).body(), "A uploaded it, so A holds it");
    }

    @Test
    void erase_keepsBlobWhileAnotherLogHoldsIt_andRemovesItWithTheLastHolder() throws Exception {
        TestLog a = TestLog.create(service, "cross-shared-a");
        TestLog b = TestLog.create(service, "cross-shared-b");
        byte[] certificate = "GO cancellation certificate RS-2026-000417".getBytes(StandardCharsets.UTF_8);
        String hash = sha256(certificate);
        assertEquals(201, upload(a, a.submitToken, certificate, "go.txt").statusCode());
        assertEquals(201, upload(b, b.submitToken, certificate, "go.txt").statusCode());

        HttpResponse<byte[]> erasedByA = service.http().send("DELETE", path(a, hash) + "?reason=GDPR&requestedBy=b-operator",
                service.token(Scopes.logAdmin(a.logId)));
        assertEquals(200, erasedByA.statusCode(), Http.text(erasedByA));
        JsonNode erasure = Http.json(erasedByA);
        assertEquals(Kinds.DOCUMENT_ERASURE, erasure.get("kind").asString());
        assertEquals("test", erasure.get("requestedBy").asString(), "from the token's subject, never the query");

        HttpResponse<byte[]> gone = a.read("documents/" + hash);
        assertEquals(410, gone.statusCode(), Http.text(gone));
        assertEquals("https://cbam-ledger.org/problems/document-erased", Http.json(gone).get("type").asString());
        assertArrayEquals(certificate, b.read("documents/" + hash).body(), "B still holds it");
        assertTrue(storedBlob(service, hash).isPresent(), "the blob stays while B holds it");
        assertEquals(410, upload(a, a.submitToken, certificate, "go.txt").statusCode(), "A does not take it back");
        HttpResponse<byte[]> again = service.http().send("DELETE", path(a, hash) + "?reason=other",
                service.token(Scopes.logAdmin(a.logId)));
        assertEquals(erasure, Http.json(again), "erasing again answers the first record");

        assertEquals(200, service.http().send("DELETE", path(b, hash) + "?reason=GDPR",
                service.token(Scopes.logAdmin(b.logId))).statusCode());
        assertEquals(410, b.read("documents/" + hash).statusCode());
        assertFalse(storedBlob(service, hash).isPresent(), "the last holder's erasure deletes the blob");
    }

    @Test
    void bundle_carriesOnlyTheLogsOwnDocuments_evenWhenItsAnchorNamesAnotherLogsDigest() throws Exception {
        TestLog a = TestLog.create(service, "cross-bundle-a");
        TestLog b = TestLog.create(service, "cross-bundle-b");
        SigningKey keyOfA = a.registerKey("submitter", KINDS);
        SigningKey keyOfB = b.registerKey("submitter", KINDS);
        byte[] statement = "B's supplier precursor statement, 4.1 tCO2e/t".getBytes(StandardCharsets.UTF_8);
        String hash = sha256(statement);
        HttpResponse<byte[]> uploaded = upload(b, b.submitToken, statement, "statement.txt");
        assertEquals(201, b.submitAndWait(TestLog.sign(Kinds.DOCUMENT_ANCHOR, uploaded.body(), keyOfB)).statusCode());
        // A's submitter anchors B's digest it learnt somewhere, without ever uploading the bytes
        ObjectNode copied = (ObjectNode) Http.json(uploaded);
        copied.put("submitter", a.logId);
        HttpResponse<byte[]> forged = a.submitAndWait(TestLog.sign(Kinds.DOCUMENT_ANCHOR,
                Http.JSON.writeValueAsBytes(copied), keyOfA));
        assertEquals(201, forged.statusCode(), Http.text(forged));

        Path bundleOfA = exportBundle(a);
        Path bundleOfB = exportBundle(b);
        try {
            assertFalse(Files.exists(bundleOfA.resolve("documents/" + hash)), "A's bundle carries no bytes of B");
            assertArrayEquals(statement, Files.readAllBytes(bundleOfB.resolve("documents/" + hash)));
        } finally {
            DirectoryZip.deleteTree(bundleOfA);
            DirectoryZip.deleteTree(bundleOfB);
        }
        assertEquals(404, a.read("documents/" + hash).statusCode(), "an anchor entry is not a hold");
    }

    private static String path(TestLog log, String sha256) {
        return "logs/" + log.logId + "/documents/" + sha256;
    }

    /** The same problem, word for word once each digest is replaced by a placeholder. */
    private static void assertSameProblem(HttpResponse<byte[]> expected, String expectedHash, HttpResponse<byte[]> actual,
            String actualHash) {
        assertEquals(expected.statusCode(), actual.statusCode());
        assertEquals(expected.headers().firstValue("Content-Type"), actual.headers().firstValue("Content-Type"));
        assertEquals(Http.text(expected).replace(expectedHash, "<sha256>"), Http.text(actual).replace(actualHash, "<sha256>"));
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().sorted().toList();
    }
}
