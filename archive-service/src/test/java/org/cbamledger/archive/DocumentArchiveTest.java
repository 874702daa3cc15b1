package org.cbamledger.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.cbamledger.signer.Sha256;
import org.junit.jupiter.api.Test;

class DocumentArchiveTest extends EmbeddedS3TestBase {
    @Test
    void archive_storesUnderTheContentAddress_andReadsBackVerified() throws Exception {
        byte[] body = "GO cancellation statement, serials 1000-1999".getBytes(StandardCharsets.UTF_8);

        ArchivedDocument archived = archive(body, "go-statement.txt");

        String sha256 = Sha256.hex(body);
        assertEquals(sha256, archived.anchor().sha256());
        assertEquals(body.length, archived.anchor().sizeBytes());
        assertTrue(archived.newlyStored());
        assertTrue(s3.store.stat("sha256/" + sha256).isPresent());
        assertEquals(DocumentStatus.STORED, s3.archive.status(sha256));
        try (InputStream in = s3.archive.open(sha256)) {
            assertArrayEquals(body, in.readAllBytes());
        }
        Path copy = directory.resolve("copy-" + sha256);
        s3.archive.copyVerified(sha256, copy);
        assertArrayEquals(body, Files.readAllBytes(copy));
    }

    @Test
    void archive_sameContentTwice_givesTheSameKey_andDoesNotRewriteTheBlob() throws Exception {
        byte[] body = "supplier statement, precursor P-3".getBytes(StandardCharsets.UTF_8);
        ArchivedDocument first = archive(body, "statement.txt");
        Path blob = s3.blobFile(DocumentArchive.contentKey(first.anchor().sha256()));
        FileTime writtenAt = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(blob, writtenAt);

        ArchivedDocument second = archive(body, "statement-copy.txt");

        assertEquals(first.anchor().sha256(), second.anchor().sha256());
        assertFalse(second.newlyStored());
        assertEquals(writtenAt, Files.getLastModifiedTime(blob));
    }

    @Test
    void open_ofABlobCorruptedOnDisk_failsAtEndOfStream_namingTheBlob() throws Exception {
        byte[] body = "fuel invoice: 41.7 t natural gas".getBytes(StandardCharsets.UTF_8);
        String sha256 = archive(body, "fuel.txt").anchor().sha256();
        Path blob = s3.blobFile(DocumentArchive.contentKey(sha256));
        byte[] stored = Files.readAllBytes(blob);
        stored[10] ^= 0x01;
        Files.write(blob, stored);

        TamperedBlobIOException streamed;
        try (InputStream in = s3.archive.open(sha256)) {
            streamed = assertThrows(TamperedBlobIOException.class, in::readAllBytes);
        }
        Path copy = directory.resolve("tampered-copy");
        DocumentTamperedException copied =
                assertThrows(DocumentTamperedException.class, () -> s3.archive.copyVerified(sha256, copy));

        String expected = "document " + sha256 + " is tampered: stored blob hashes to " + Sha256.hex(stored)
                + " (" + stored.length + " bytes)";
        assertEquals(expected, streamed.getMessage());
        assertEquals(expected, copied.getMessage());
        assertEquals(sha256, copied.sha256());
        assertFalse(Files.exists(copy));
    }

    @Test
    void open_ofATruncatedBlob_isRefused() throws Exception {
        byte[] body = "meter export M-17, 2026-03".getBytes(StandardCharsets.UTF_8);
        String sha256 = archive(body, "export.txt").anchor().sha256();
        Path blob = s3.blobFile(DocumentArchive.contentKey(sha256));
        Files.write(blob, new byte[0]);

        DocumentTamperedException e = assertThrows(
                DocumentTamperedException.class, () -> s3.archive.copyVerified(sha256, directory.resolve("truncated")));

        assertTrue(e.getMessage().endsWith("(0 bytes)"), e.getMessage());
    }

    @Test
    void open_ofAnUnknownDocument_isNotFound() {
        String sha256 = Sha256.hex(new byte[] {9, 9, 9});

        DocumentNotFoundException e = assertThrows(DocumentNotFoundException.class, () -> s3.archive.open(sha256));

        assertEquals("document " + sha256 + " is not in the archive", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s3.archive.open("not-a-hash"));
    }

    @Test
    void erase_deletesTheBlob_andReadsReportTheErasure() throws Exception {
        byte[] body = "personal data: employee timesheet".getBytes(StandardCharsets.UTF_8);
        String sha256 = archive(body, "timesheet.txt").anchor().sha256();

        DocumentErasure erasure = s3.archive.erase(sha256, "GDPR Art. 17 request #12", "party:operator-rs");

        assertEquals(sha256, erasure.sha256());
        assertEquals("document-erasure", erasure.toJson().get("kind").asString());
        assertFalse(Files.exists(s3.blobFile(DocumentArchive.contentKey(sha256))));
        assertEquals(DocumentStatus.ERASED, s3.archive.status(sha256));
        DocumentErasedException read = assertThrows(DocumentErasedException.class, () -> s3.archive.open(sha256));
        assertEquals("document " + sha256 + " was erased: GDPR Art. 17 request #12", read.getMessage());
        assertEquals(erasure, read.erasure());
    }

    @Test
    void erase_twice_returnsTheFirstErasure() throws Exception {
        String sha256 = archive("to erase twice".getBytes(StandardCharsets.UTF_8), "x.txt").anchor().sha256();
        DocumentErasure first = s3.archive.erase(sha256, "first request", "party:a");

        DocumentErasure second = s3.archive.erase(sha256, "second request", "party:b");

        assertEquals(first, second);
    }

    @Test
    void archive_ofErasedContent_isRefused() throws Exception {
        byte[] body = "erased and re-uploaded".getBytes(StandardCharsets.UTF_8);
        String sha256 = archive(body, "y.txt").anchor().sha256();
        s3.archive.erase(sha256, "GDPR", "party:a");

        assertThrows(DocumentErasedException.class, () -> archive(body, "y.txt"));
        assertTrue(s3.store.stat(DocumentArchive.contentKey(sha256)).isEmpty());
    }

    @Test
    void erase_ofAnUnknownDocument_isNotFound() throws Exception {
        String sha256 = Sha256.hex(new byte[] {1, 2, 3, 4});

        assertThrows(DocumentNotFoundException.class, () -> s3.archive.erase(sha256, "GDPR", "party:a"));
        assertEquals(DocumentStatus.ABSENT, s3.archive.status(sha256));
    }

    @Test
    void archive_leavesNoSpoolFileBehind() throws Exception {
        archive("spooled".getBytes(StandardCharsets.UTF_8), "s.txt");

        try (var files = Files.list(directory.resolve("spool"))) {
            assertEquals(List.of(), files.toList());
        }
    }

    private static ArchivedDocument archive(byte[] body, String fileName) throws Exception {
        return s3.archive.archive(new ByteArrayInputStream(body),
                new DocumentSubmission(Optional.of(fileName), "party:exporter-rs", List.of()));
    }
}
