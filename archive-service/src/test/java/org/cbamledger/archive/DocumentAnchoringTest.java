package org.cbamledger.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.Sha256;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.RecordValidationException;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class DocumentAnchoringTest extends EmbeddedS3TestBase {
    @Test
    void anchor_appendsASignedDocumentAnchorEntry_holdingTheRecord() throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
        InMemoryLedger ledger = new InMemoryLedger();
        String supportedLeaf = "ab".repeat(32);
        byte[] pdf = TestDocuments.invoicePdf("Jane Doe", List.of("Invoice 2026-0044", "Electricity 812.4 MWh"));
        DocumentAnchor anchor = s3.archive.archive(new ByteArrayInputStream(pdf), new DocumentSubmission(
                Optional.of("invoice-0044.pdf"), "party:exporter-rs",
                List.of(SupportRef.leaf(supportedLeaf), SupportRef.record("fuel-record/2026-03")))).anchor();

        LedgerReceipt receipt = new DocumentAnchoring(ledger, key).anchor(anchor);

        Envelope entry = ledger.entries.getFirst();
        assertEquals(0, receipt.index());
        assertEquals(HexFormat.of().formatHex(entry.leafHash()), receipt.leafHash());
        assertEquals("document-anchor", entry.kind());
        assertTrue(entry.isSignedBy(key.publicKey()));
        JsonNode record = entry.record();
        assertEquals(Sha256.hex(pdf), record.get("sha256").asString());
        assertEquals(pdf.length, record.get("sizeBytes").asLong());
        assertEquals("application/pdf", record.get("mediaType").asString());
        assertEquals(supportedLeaf, record.get("supports").get(0).get("leafHash").asString());
        assertEquals("fuel-record/2026-03", record.get("supports").get(1).get("recordRef").asString());
        assertEquals(new String(CanonicalJson.canonicalize(anchor.toJsonBytes())), new String(entry.payload()));
        assertFalse(new String(entry.payload()).contains("Jane Doe"));
        RecordValidator.validateAgainst("document-anchor", record);
    }

    @Test
    void recordErasure_appendsASignedDocumentErasureEntry() throws Exception {
        SigningKey key = SigningKey.generate(KeyAlgorithm.ECDSA_P256);
        InMemoryLedger ledger = new InMemoryLedger();
        byte[] body = "employee badge log".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha256 = s3.archive.archive(new ByteArrayInputStream(body),
                new DocumentSubmission(Optional.empty(), "party:exporter-rs", List.of())).anchor().sha256();
        DocumentErasure erasure = s3.archive.erase(sha256, "GDPR Art. 17", "party:operator-rs");

        new DocumentAnchoring(ledger, key).recordErasure(erasure);

        Envelope entry = ledger.entries.getFirst();
        assertEquals("document-erasure", entry.kind());
        assertTrue(entry.isSignedBy(key.publicKey()));
        assertEquals(sha256, entry.record().get("sha256").asString());
        assertEquals("GDPR Art. 17", entry.record().get("reason").asString());
        RecordValidator.validateAgainst("document-erasure", entry.record());
    }

    @Test
    void anchorSchema_rejectsAuthorMetadata() throws Exception {
        byte[] csv = TestDocuments.meterExportCsv(30);
        DocumentAnchor anchor = s3.archive.archive(new ByteArrayInputStream(csv),
                new DocumentSubmission(Optional.of("m.csv"), "party:exporter-rs", List.of())).anchor();
        ObjectNode record = anchor.toJson();
        RecordValidator.validateAgainst("document-anchor", record);
        ((ObjectNode) record.get("metadata")).put("dc:creator", "Jane Doe");

        RecordValidationException e = assertThrows(
                RecordValidationException.class, () -> RecordValidator.validateAgainst("document-anchor", record));

        assertTrue(e.getMessage().startsWith("record does not match schema document-anchor: /metadata"), e.getMessage());
    }
}
