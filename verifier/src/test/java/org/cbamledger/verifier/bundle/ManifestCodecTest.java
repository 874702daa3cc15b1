package org.cbamledger.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {
    static final String HASH = "ab".repeat(32);
    static final BundleManifest MANIFEST = new BundleManifest("acme-alu", "cbam-ledger/acme-alu", 7,
            List.of(new ManifestEntry(1, HASH, "entries/1.json"), new ManifestEntry(5, HASH, "entries/5.json")),
            List.of(3L, 7L), List.of(new ManifestDocument(HASH, null, true)), "statement.json");

    static String written() {
        return new String(ManifestCodec.write(MANIFEST), StandardCharsets.UTF_8);
    }

    static String rejection(String json) {
        return assertThrows(BundleException.class,
                () -> ManifestCodec.parse(json.getBytes(StandardCharsets.UTF_8))).getMessage();
    }

    @Test
    void parse_readsWhatWriteWrote() throws Exception {
        assertEquals(MANIFEST, ManifestCodec.parse(ManifestCodec.write(MANIFEST)));
    }

    @Test
    void parse_readsBothKindsOfCoverage() throws Exception {
        for (Coverage coverage : List.of(new Coverage.Range(2, 7), new Coverage.Room("room-1", "RS-ACME-1",
                java.time.LocalDate.parse("2026-01-01"), java.time.LocalDate.parse("2026-03-31")))) {
            BundleManifest manifest = new BundleManifest(MANIFEST.logId(), MANIFEST.origin(), 7, MANIFEST.entries(),
                    MANIFEST.checkpointSizes(), MANIFEST.documents(), null, List.of(), coverage);
            assertEquals(manifest, ManifestCodec.parse(ManifestCodec.write(manifest)));
        }
    }

    @Test
    void parse_rejectsARangeBeyondTheTreeSize() {
        assertEquals("bundle.json: coverage needs from <= to <= treeSize 7, got 2, 8", rejection(written().replace(
                "\"checkpoints\":[3,7],", "\"checkpoints\":[3,7],\"coverage\":{\"from\":2,\"kind\":\"range\",\"to\":8},")));
    }

    @Test
    void parse_rejectsNonCanonicalJson() {
        assertEquals("bundle.json: not RFC 8785 canonical JSON", rejection(written() + "\n"));
        assertEquals("bundle.json: does not end with a newline", rejection(written().strip()));
        assertEquals("bundle.json: not RFC 8785 canonical JSON", rejection(written().replace("[3,7]", "[3, 7]")));
    }

    @Test
    void parse_rejectsATreeSizeOtherThanTheLargestCheckpoint() {
        assertEquals("bundle.json: treeSize 8 is not the largest checkpoint size 7",
                rejection(written().replace("\"treeSize\":7", "\"treeSize\":8")));
    }

    @Test
    void parse_rejectsAnEntryFileNotNamedByItsIndex() {
        assertEquals("bundle.json: entries[1] (index 5) file is not entries/5.json",
                rejection(written().replace("entries/5.json", "entries/6.json")));
    }

    @Test
    void parse_rejectsEntriesOutOfOrder() {
        assertEquals("bundle.json: entries[1] (index 1) is out of ascending order",
                rejection(written().replace("\"index\":5", "\"index\":1").replace("entries/5.json", "entries/1.json")));
    }

    @Test
    void parse_rejectsAnOriginOtherThanTheLogIds() {
        assertEquals("bundle.json: origin is not cbam-ledger/acme-alu",
                rejection(written().replace("cbam-ledger/acme-alu", "cbam-ledger/acme-alv")));
    }

    @Test
    void parse_rejectsUnknownMembers() {
        assertEquals("bundle.json: the manifest has members [checkpoints, documents, entries, format, logId, origin,"
                        + " statement, treeSize, x], expected [checkpoints, documents, entries, format, logId, origin,"
                        + " statement, treeSize] and optionally [coverage, timestamps]",
                rejection(written().replace("\"treeSize\":7}", "\"treeSize\":7,\"x\":1}")));
    }

    @Test
    void parse_rejectsAnErasedDocumentThatNamesAFile() {
        assertEquals("bundle.json: documents[0] is erased but names a file",
                rejection(written().replace("\"file\":null", "\"file\":\"documents/" + HASH + "\"")));
    }

    @Test
    void parse_rejectsUppercaseHashes() {
        assertEquals("bundle.json: entries[0] (index 1) leafHash is not 64 lowercase hex digits",
                rejection(written().replaceFirst("\"leafHash\":\"" + HASH, "\"leafHash\":\"" + HASH.toUpperCase())));
    }

    @Test
    void parse_rejectsAStatementPathOutsideTheRoot() {
        assertEquals("bundle.json: statement is neither null nor a plain file name",
                rejection(written().replace("\"statement.json\"", "\"../statement.json\"")));
    }
}
