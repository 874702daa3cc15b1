package org.cbamledger.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.TlogProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {
    static final String ORIGIN = "cbam-ledger/acme-alu";
    static final NoteSigner LOG = new NoteSigner(ORIGIN, SigningKey.generate(KeyAlgorithm.ED25519));

    @TempDir
    Path tmp;

    /** A one-entry log: the tree of size 1 has the leaf hash as its root. */
    static String checkpointOf(byte[] entry) {
        return NoteSigner.sign(new Checkpoint(ORIGIN, 1, Merkle.leafHash(entry), List.of()).body(), LOG);
    }

    @Test
    void write_producesTheLayoutAndAManifestTheReaderAccepts() throws Exception {
        byte[] entry = "{\"an\":\"entry\"}".getBytes(StandardCharsets.UTF_8);
        byte[] doc = "document".getBytes(StandardCharsets.UTF_8); // SHA-256 43cc..., before the erased ab...
        String docSha = sha256(doc);
        String checkpoint = checkpointOf(entry);
        BundleWriter writer = new BundleWriter(tmp.resolve("b"));
        writer.logInfo("acme-alu", ORIGIN, List.of(LOG.verifierKey()));
        writer.addCheckpoint(1, checkpoint);
        writer.addEntry(0, entry, new TlogProof(0, List.of(), checkpoint));
        writer.addDocument(docSha, new ByteArrayInputStream(doc));
        writer.addDocument("ab".repeat(32), null);
        writer.finish();

        Path b = tmp.resolve("b");
        assertArrayEquals(entry, Files.readAllBytes(b.resolve("entries/0.json")));
        assertEquals(checkpoint, Files.readString(b.resolve("checkpoints/1.note")));
        assertEquals(LOG.verifierKey() + "\n", Files.readString(b.resolve("log-key.vkey")));
        assertTrue(Files.readString(b.resolve("proofs/0.tlog-proof")).startsWith("c2sp.org/tlog-proof@v1\nindex 0\n"));
        assertArrayEquals(doc, Files.readAllBytes(b.resolve("documents/" + docSha)));
        Bundle bundle = BundleReader.read(b);
        bundle.requireComplete();
        BundleManifest m = bundle.manifest();
        assertEquals(1, m.treeSize());
        assertEquals(List.of(new ManifestEntry(0, HexFormat.of().formatHex(Merkle.leafHash(entry)), "entries/0.json")),
                m.entries());
        assertEquals(List.of(new ManifestDocument(docSha, "documents/" + docSha, false),
                new ManifestDocument("ab".repeat(32), null, true)), m.documents());
        assertNull(m.statementFile());
        assertEquals(
                "{\"checkpoints\":[1],\"documents\":[{\"erased\":false,\"file\":\"documents/" + docSha
                        + "\",\"sha256\":\"" + docSha + "\"},{\"erased\":true,\"file\":null,\"sha256\":\""
                        + "ab".repeat(32) + "\"}],\"entries\":[{\"file\":\"entries/0.json\",\"index\":0,\"leafHash\":\""
                        + HexFormat.of().formatHex(Merkle.leafHash(entry)) + "\"}],\"format\":\"cbam-ledger-bundle/v1\","
                        + "\"logId\":\"acme-alu\",\"origin\":\"cbam-ledger/acme-alu\",\"statement\":null,\"treeSize\":1}\n",
                Files.readString(b.resolve("bundle.json")));
    }

    @Test
    void writer_refusesANonEmptyDirectory() throws IOException {
        Files.writeString(tmp.resolve("left-over"), "x");
        IOException e = assertThrows(IOException.class, () -> new BundleWriter(tmp));
        assertTrue(e.getMessage().startsWith("bundle directory is not empty"));
    }

    @Test
    void addDocument_refusesContentOfAnotherHash_andLeavesNoFile() throws Exception {
        BundleWriter writer = new BundleWriter(tmp.resolve("b"));
        String claimed = "cd".repeat(32);
        IOException e = assertThrows(IOException.class,
                () -> writer.addDocument(claimed, new ByteArrayInputStream("other".getBytes(StandardCharsets.UTF_8))));
        assertEquals("document content has SHA-256 " + sha256("other".getBytes(StandardCharsets.UTF_8))
                + ", expected " + claimed, e.getMessage());
        assertFalse(Files.exists(tmp.resolve("b/documents/" + claimed)));
    }

    @Test
    void finish_refusesAProofAgainstAnOlderCheckpoint() throws Exception {
        byte[] entry = "{}".getBytes(StandardCharsets.UTF_8);
        String small = checkpointOf(entry);
        String large = NoteSigner.sign(new Checkpoint(ORIGIN, 2, new byte[32], List.of()).body(), LOG);
        BundleWriter writer = new BundleWriter(tmp.resolve("b"));
        writer.logInfo("acme-alu", ORIGIN, List.of(LOG.verifierKey()));
        writer.addCheckpoint(1, small);
        writer.addCheckpoint(2, large);
        writer.addEntry(0, entry, new TlogProof(0, List.of(), small));

        IllegalStateException e = assertThrows(IllegalStateException.class, writer::finish);
        assertEquals("inclusion proof of entry 0 is not against the largest checkpoint (size 2)", e.getMessage());
    }

    @Test
    void addCheckpoint_refusesASizeOtherThanTheNotes() throws Exception {
        BundleWriter writer = new BundleWriter(tmp.resolve("b"));
        String note = checkpointOf("{}".getBytes(StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> writer.addCheckpoint(2, note));
    }

    @Test
    void addEntry_refusesAProofForAnotherIndex() throws Exception {
        BundleWriter writer = new BundleWriter(tmp.resolve("b"));
        byte[] entry = "{}".getBytes(StandardCharsets.UTF_8);
        TlogProof proof = new TlogProof(3, List.of(), checkpointOf(entry));
        assertThrows(IllegalArgumentException.class, () -> writer.addEntry(0, entry, proof));
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
