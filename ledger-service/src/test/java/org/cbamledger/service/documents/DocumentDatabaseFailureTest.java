package org.cbamledger.service.documents;

import static org.cbamledger.service.support.DatabaseFailureAnswer.assertUnavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.cbamledger.archive.DocumentStatus;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestDocuments;
import org.cbamledger.service.support.TableGone;
import org.cbamledger.service.support.TestLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the documents store throws the unchecked StoreException; a database failure while a log claims, reads or
 * erases a document still answers 503 "unavailable" with Retry-After, stores no blob nobody holds and deletes none.
 */
class DocumentDatabaseFailureTest {
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
    void upload_whileTheHoldingsTableIsGone_is503_andLeavesNoOrphanBlob() throws Exception {
        TestLog log = TestLog.create(service, "docs-db-upload");
        byte[] csv = "meterId,energyKwh\nM-9,3.50\n".getBytes(StandardCharsets.UTF_8);
        String sha256 = TestDocuments.sha256(csv);
        HttpResponse<byte[]> refused;
        try (TableGone gone = new TableGone(service.jdbcUrl(), "log_documents")) {
            refused = TestDocuments.upload(log, log.submitToken, csv, "outage.csv");
        }
        assertUnavailable(refused);
        assertTrue(TestDocuments.storedBlob(service, sha256).isEmpty(), "no blob stored for a claim that failed");
        assertEquals(DocumentStatus.ABSENT, service.context().getBean(DocumentService.class).status(sha256));
        assertEquals(404, log.read("documents/" + sha256).statusCode(), "the log holds nothing it was not answered 201 for");

        HttpResponse<byte[]> accepted = TestDocuments.upload(log, log.submitToken, csv, "outage.csv");
        assertEquals(201, accepted.statusCode(), Http.text(accepted));
        assertEquals(200, log.read("documents/" + sha256).statusCode());
    }

    @Test
    void downloadAndErase_whileTheHoldingsTableIsGone_are503_andTheBlobStays() throws Exception {
        TestLog log = TestLog.create(service, "docs-db-erase");
        byte[] csv = "meterId,energyKwh\nM-8,4.75\n".getBytes(StandardCharsets.UTF_8);
        String sha256 = TestDocuments.sha256(csv);
        assertEquals(201, TestDocuments.upload(log, log.submitToken, csv, "kept.csv").statusCode());
        HttpResponse<byte[]> download;
        HttpResponse<byte[]> erase;
        try (TableGone gone = new TableGone(service.jdbcUrl(), "log_documents")) {
            download = log.read("documents/" + sha256);
            erase = service.http().send("DELETE", "logs/" + log.logId + "/documents/" + sha256 + "?reason=gdpr",
                    service.adminToken());
        }
        assertUnavailable(download);
        assertUnavailable(erase);
        assertTrue(TestDocuments.storedBlob(service, sha256).isPresent(), "an erasure that failed deletes no blob");
        assertEquals(200, log.read("documents/" + sha256).statusCode());
    }
}
