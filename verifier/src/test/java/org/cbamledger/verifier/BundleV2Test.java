package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cbamledger.verifier.ReportAssertions.assertFailure;
import static org.cbamledger.verifier.ReportAssertions.describe;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.bundle.BundleReader;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.bundle.Coverage;
import org.cbamledger.verifier.bundle.DirectorySink;
import org.cbamledger.verifier.bundle.EntryPack;
import org.cbamledger.verifier.bundle.ZipSink;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundle format v2 (BUNDLE.md): packed entries and hash tiles, written, read back, and each malformation named. */
class BundleV2Test {
    @TempDir
    Path tmp;

    private static VerificationReport verify(Path bundle) throws Exception {
        return new Verifier().verify(bundle, List.of());
    }

    /** A v2 bundle of the standard log's entries {@code indexes} against its latest checkpoint. */
    private Path subset(String name, List<Long> indexes, Coverage coverage) throws Exception {
        TestLog log = new TestBundles().log;
        Path dir = tmp.resolve(name);
        BundleWriter writer = BundleWriter.v2(new DirectorySink(dir), log.tree());
        writer.logInfo(log.logId, log.origin, List.of(log.logSigner.verifierKey()));
        writer.addCheckpoint(log.size(), log.checkpoint(log.size()));
        for (long i : indexes) {
            writer.addEntry(i, log.entry(i));
        }
        if (coverage != null) {
            writer.cover(coverage);
        }
        writer.finish();
        return dir;
    }

    @Test
    void standardBundle_inV2_passesWithTheSameChecksAsV1() throws Exception {
        TestBundles fixture = new TestBundles();
        VerificationReport v2 = verify(fixture.writeV2(tmp.resolve("v2")));
        VerificationReport v1 = verify(fixture.write(tmp.resolve("v1")));

        assertTrue(v2.passed(), () -> describe(v2));
        assertEquals("cbam-ledger-bundle/v2", v2.manifest().format());
        assertEquals(new TreeSet<>(v1.results().stream().map(CheckResult::check).toList()),
                new TreeSet<>(v2.results().stream().map(CheckResult::check).toList()));
        assertTrue(Files.exists(tmp.resolve("v2/entries/0.pack")));
        assertTrue(Files.exists(tmp.resolve("v2/tile/0/000.p/6")));
        assertFalse(Files.exists(tmp.resolve("v2/proofs")));
        assertTrue(v2.results().stream().anyMatch(r -> r.check().equals("entry-signature")
                && r.subject().equals("entries/0.pack#4") && r.status() == CheckStatus.PASS), () -> describe(v2));
    }

    @Test
    void manyEntries_spanFullAndPartialTilesAndSeveralPacks_andAZipPasses() throws Exception {
        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        TestLog log = TestLog.started("acme-alu");
        log.append(TestLog.sign(TestLog.registration(gateway, "acme", "device", "meter-reading-batch"), log.rootKey));
        while (log.size() < EntryPack.MAX_ENTRIES + 300) {
            log.append(TestLog.sign(TestLog.readingBatch("M-1", log.size(), "ab".repeat(32)), gateway));
        }
        Path zip = tmp.resolve("big.zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            BundleWriter writer = BundleWriter.v2(new ZipSink(out), log.tree());
            writer.logInfo(log.logId, log.origin, List.of(log.logSigner.verifierKey()));
            writer.addCheckpoint(log.size(), log.checkpoint(log.size()));
            for (long i = 0; i < log.size(); i++) {
                writer.addEntry(i, log.entry(i));
            }
            writer.cover(new Coverage.Range(0, log.size()));
            writer.finish();
        }
        VerificationReport report = verify(zip);

        assertTrue(report.passed(), () -> describe(report));
        assertEquals(2, report.manifest().packs().size());
        assertTrue(report.results().stream().anyMatch(r -> r.check().equals("coverage")
                && r.message().contains("recompute the checkpoint's root hash")), () -> describe(report));
    }

    @Test
    void aSubsetOfEntries_isProvenIncludedByTheTilesItCarries() throws Exception {
        Path dir = subset("subset", List.of(0L, 1L, 2L), null);

        VerificationReport report = verify(dir);
        assertTrue(report.passed(), () -> describe(report));
        assertEquals(3, report.manifest().entries().size());
    }

    @Test
    void editedEntryInThePack_failsItsLeafHashAndSignature() throws Exception {
        Path dir = new TestBundles().writeV2(tmp.resolve("b"));
        Path pack = dir.resolve("entries/0.pack");
        String text = new String(Files.readAllBytes(pack), StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"sig\":\"", text.indexOf("\"sig\":\"") + 1) + 8;
        byte[] bytes = Files.readAllBytes(pack);
        bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');
        Files.write(pack, bytes);

        VerificationReport report = verify(dir);
        assertFailure(report, "entry-leaf-hash", "entries/0.pack#1", "differs from tile/0/000.p/6");
        assertFailure(report, "inclusion-proof", "entries/0.pack#1", "not the one tile/0/000.p/6 holds");
    }

    @Test
    void changedTileHash_failsTheTileAndTheEntriesItHolds() throws Exception {
        Path dir = new TestBundles().writeV2(tmp.resolve("b"));
        Path tile = dir.resolve("tile/0/000.p/6");
        byte[] hashes = Files.readAllBytes(tile);
        hashes[3 * 32] ^= 1;
        Files.write(tile, hashes);

        VerificationReport report = verify(dir);
        assertFailure(report, "inclusion-proof", "tile/0/000.p/6", "does not recompute the checkpoint's root hash");
        assertFailure(report, "inclusion-proof", "entries/0.pack#3", "not proven included");
        assertFailure(report, "entry-leaf-hash", "entries/0.pack#3", "differs from tile/0/000.p/6");
    }

    @Test
    void droppedEntry_failsCoverageNamingTheLeaf() throws Exception {
        Path dir = subset("dropped", List.of(0L, 1L, 2L, 3L, 5L), new Coverage.Range(0, 6));

        assertFailure(verify(dir), "coverage", "entries#4", "missing: leaf 4 lies in the bundle's coverage [0, 6)");
    }

    @Test
    void packWithALengthBeyondItsEnd_isMalformed() throws Exception {
        Path dir = new TestBundles().writeV2(tmp.resolve("b"));
        Path pack = dir.resolve("entries/0.pack");
        byte[] bytes = Files.readAllBytes(pack);
        bytes[11] = (byte) (bytes[11] + 1); // the first entry's length, one byte longer than it is
        Files.write(pack, bytes);

        VerificationReport report = verify(dir);
        assertFailure(report, "bundle-layout", "entries/0.pack", "malformed");
    }

    @Test
    void packWithAnOversizedLength_isRefusedWithoutReadingIt() throws Exception {
        Path dir = new TestBundles().writeV2(tmp.resolve("b"));
        Path pack = dir.resolve("entries/0.pack");
        byte[] bytes = Files.readAllBytes(pack);
        bytes[8] = 0x7f;
        Files.write(pack, bytes);

        assertFailure(verify(dir), "bundle-layout", "entries/0.pack", "states 2130706" );
    }

    @Test
    void packHoldingFewerEntriesThanStated_isMalformed() throws Exception {
        Path dir = new TestBundles().writeV2(tmp.resolve("b"));
        Path pack = dir.resolve("entries/0.pack");
        ByteArrayOutputStream shorter = new ByteArrayOutputStream();
        var reader = new EntryPack.Reader(Files.newInputStream(pack), "entries/0.pack", 1 << 20);
        for (EntryPack.Packed e = reader.next(); e != null; e = reader.next()) {
            if (e.index() != 5) {
                EntryPack.append(shorter, e.index(), e.bytes());
            }
        }
        Files.write(pack, shorter.toByteArray());

        assertFailure(verify(dir), "bundle-layout", "entries/0.pack", "holds 5 entries, bundle.json states 6");
    }

    @Test
    void tileOfTheWrongSize_isMalformed() throws Exception {
        Path dir = new TestBundles().writeV2(tmp.resolve("b"));
        Path tile = dir.resolve("tile/0/000.p/6");
        Files.write(tile, java.util.Arrays.copyOf(Files.readAllBytes(tile), 5 * 32));

        VerificationReport report = verify(dir);
        assertFailure(report, "bundle-layout", "tile/0/000.p/6", "malformed: a tile of width 6 holds 192 bytes");
        assertFailure(report, "inclusion-proof", "tile/0/000.p/6", "missing");
    }

    @Test
    void extraTileOrPack_isUnexpected() throws Exception {
        Path dir = new TestBundles().writeV2(tmp.resolve("b"));
        Files.createDirectories(dir.resolve("tile/1/000.p"));
        Files.write(dir.resolve("tile/1/000.p/1"), new byte[32]);
        Files.write(dir.resolve("entries/1.pack"), new byte[0]);
        Files.createDirectories(dir.resolve("proofs"));
        Files.write(dir.resolve("proofs/0.tlog-proof"), new byte[0]);

        VerificationReport report = verify(dir);
        assertFailure(report, "bundle-layout", "tile/1/000.p/1", "unexpected file");
        assertFailure(report, "bundle-layout", "entries/1.pack", "unexpected file");
        assertFailure(report, "bundle-layout", "proofs/0.tlog-proof", "unexpected file");
    }

    @Test
    void writer_refusesEntriesOutOfOrderAndInclusionProofs() throws Exception {
        TestLog log = new TestBundles().log;
        BundleWriter writer = BundleWriter.v2(new DirectorySink(tmp.resolve("w")), log.tree());
        writer.addEntry(2, log.entry(2));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> writer.addEntry(1, log.entry(1)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> writer.addEntry(3, log.entry(3), log.inclusionProof(3, log.size())));
    }

    @Test
    void reader_listsThePackedEntriesWithTheTilesLeafHashes() throws Exception {
        TestBundles fixture = new TestBundles();
        var bundle = BundleReader.read(fixture.writeV2(tmp.resolve("b")));

        assertTrue(bundle.layoutProblems().isEmpty(), bundle.layoutProblems().toString());
        assertEquals(6, bundle.manifest().entries().size());
        assertEquals(java.util.HexFormat.of().formatHex(org.cbamledger.signer.Merkle.leafHash(fixture.log.entry(3))),
                bundle.manifest().entries().get(3).leafHashHex());
    }
}
