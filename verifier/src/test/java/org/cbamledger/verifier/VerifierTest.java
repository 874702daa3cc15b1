package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
    @TempDir
    Path tmp;

    private static String describe(VerificationReport report) {
        StringBuilder out = new StringBuilder();
        report.results().forEach(r -> out.append(r).append('\n'));
        return out.toString();
    }

    private static CheckResult only(VerificationReport report, String check, String subject) {
        List<CheckResult> found = report.results().stream()
                .filter(r -> r.check().equals(check) && r.subject().equals(subject))
                .toList();
        assertEquals(1, found.size(), () -> check + " " + subject + " in\n" + describe(report));
        return found.getFirst();
    }

    private static void assertFailure(VerificationReport report, String check, String subject, String messagePart) {
        assertFalse(report.passed(), () -> describe(report));
        assertTrue(report.failures().stream().anyMatch(f -> f.check().equals(check) && f.subject().equals(subject)
                        && f.message().contains(messagePart)),
                () -> "expected FAIL " + check + " " + subject + " \"" + messagePart + "\" in\n" + describe(report));
    }

    @Test
    void verify_passesTheStandardBundle_andReportsUnpinnedAnchors() throws Exception {
        TestBundles fixture = new TestBundles();
        VerificationReport report = new Verifier().verify(fixture.write(tmp.resolve("b")), List.of());

        assertTrue(report.passed(), () -> describe(report));
        assertEquals(CheckStatus.NOT_PINNED, only(report, "log-key", "log-key.vkey").status());
        assertEquals(CheckStatus.NOT_PINNED, only(report, "root-key", "entries/1.json").status());
        assertEquals(CheckStatus.ERASED, only(report, "document-hash", "documents/" + fixture.erasedSha256).status());
        assertEquals(CheckStatus.PASS, only(report, "document-hash", "documents/" + fixture.documentSha256).status());
        assertTrue(report.results().stream().noneMatch(r -> r.check().equals("statement")));
        for (int i = 0; i < 6; i++) {
            assertEquals(CheckStatus.PASS, only(report, "entry-signature", "entries/" + i + ".json").status());
            assertEquals(CheckStatus.PASS, only(report, "inclusion-proof", "proofs/" + i + ".tlog-proof").status());
        }
        assertEquals(CheckStatus.PASS, only(report, "consistency-proof", "consistency/3-5.proof").status());
        assertEquals(CheckStatus.PASS, only(report, "consistency-chain", "checkpoints/3.note").status());
    }

    @Test
    void verify_withPinnedLogAndRootKeys_reportsThemPinned() throws Exception {
        TestBundles fixture = new TestBundles();
        Path bundle = fixture.write(tmp.resolve("b"));
        NoteVerifier logKey = NoteVerifier.parse(fixture.log.logSigner.verifierKey());

        VerificationReport report =
                new Verifier().verify(bundle, List.of(logKey), Set.of(fixture.log.rootKey.keyId()));

        assertTrue(report.passed(), () -> describe(report));
        assertEquals(CheckStatus.PASS, only(report, "log-key", "log-key.vkey").status());
        assertEquals(CheckStatus.PASS, only(report, "root-key", "entries/1.json").status());
    }

    @Test
    void verify_rejectsCheckpointsWhenAnotherLogKeyIsPinned() throws Exception {
        Path bundle = new TestBundles().write(tmp.resolve("b"));
        NoteVerifier other = NoteVerifier.parse(
                TestLog.logSigner("cbam-ledger/acme-alu").verifierKey());

        VerificationReport report = new Verifier().verify(bundle, List.of(other));

        assertFailure(report, "checkpoint-signature", "checkpoints/6.note", "");
        assertFailure(report, "checkpoint-signature", "checkpoints/3.note", "");
    }

    @Test
    void verify_rejectsAnotherPinnedRootKey() throws Exception {
        Path bundle = new TestBundles().write(tmp.resolve("b"));
        String otherRoot = SigningKey.generate(KeyAlgorithm.ED25519).keyId();

        VerificationReport report = new Verifier().verify(bundle, List.of(), Set.of(otherRoot));

        assertFailure(report, "root-key", "entries/1.json", "is not a pinned root key");
        assertFailure(report, "entry-signature", "entries/0.json", "no signature by a key registered before index 0");
    }

    @Test
    void verify_acceptsTheSameBundleAsZip() throws Exception {
        Path dir = new TestBundles().write(tmp.resolve("b"));
        Path zip = zip(dir, tmp.resolve("bundle.zip"));

        VerificationReport report = new Verifier().verify(zip, List.of());

        assertTrue(report.passed(), () -> describe(report));
    }

    @Test
    void verify_acceptsABundleWrittenStraightIntoAZip() throws Exception {
        Path zip = tmp.resolve("written.zip");
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            new TestBundles().write(fs.getPath("/"));
        }

        VerificationReport report = new Verifier().verify(zip, List.of());

        assertTrue(report.passed(), () -> describe(report));
    }

    @Test
    void verify_rejectsAnEntrySignedAfterItsKeyWasRevoked() throws Exception {
        TestBundles fixture = new TestBundles();
        fixture.log.append(TestLog.sign(TestLog.readingBatch("M-1", 3, fixture.documentSha256), fixture.gatewayKey));

        VerificationReport report = new Verifier().verify(writeAll(fixture, tmp.resolve("b")), List.of());

        assertFailure(report, "entry-signature", "entries/6.json", "was revoked at index 5, before this entry");
    }

    @Test
    void verify_rejectsAKeySigningAKindItIsNotAllowedFor() throws Exception {
        TestBundles fixture = new TestBundles();
        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        fixture.log.append(TestLog.sign(
                TestLog.registration(gateway, "acme", "device", "meter-reading-batch"), fixture.log.rootKey));
        fixture.log.append(TestLog.sign(TestLog.registration(
                SigningKey.generate(KeyAlgorithm.ED25519), "acme", "root", "*"), gateway));

        VerificationReport report = new Verifier().verify(writeAll(fixture, tmp.resolve("b")), List.of());

        assertFailure(report, "entry-signature", "entries/7.json", "(acme, device) may not sign key-registration");
        assertEquals(CheckStatus.PASS, only(report, "entry-signature", "entries/6.json").status());
    }

    @Test
    void verify_rejectsAnEntryByAnUnregisteredKey() throws Exception {
        TestBundles fixture = new TestBundles();
        fixture.log.append(TestLog.sign(TestLog.readingBatch("M-2", 1, fixture.documentSha256),
                SigningKey.generate(KeyAlgorithm.ED25519)));

        VerificationReport report = new Verifier().verify(writeAll(fixture, tmp.resolve("b")), List.of());

        assertFailure(report, "entry-signature", "entries/6.json", "no signature by a key registered before index 6");
    }

    @Test
    void verify_rejectsAKeyUsedInTheEntryThatRegistersIt() throws Exception {
        TestBundles fixture = new TestBundles();
        SigningKey selfMade = SigningKey.generate(KeyAlgorithm.ED25519);
        fixture.log.append(TestLog.sign(TestLog.registration(selfMade, "mallory", "root", "*"), selfMade));

        VerificationReport report = new Verifier().verify(writeAll(fixture, tmp.resolve("b")), List.of());

        assertFailure(report, "entry-signature", "entries/6.json", "no signature by a key registered before index 6");
    }

    @Test
    void verify_rejectsABundleWithoutTheRootRegistration() throws Exception {
        TestBundles fixture = new TestBundles();
        long size = fixture.log.size();
        BundleWriter writer = new BundleWriter(tmp.resolve("b"));
        writer.logInfo(fixture.log.logId, fixture.log.origin, List.of(fixture.log.logSigner.verifierKey()));
        writer.addCheckpoint(size, fixture.log.checkpoint(size));
        for (long i : List.of(2L, 3L)) {
            writer.addEntry(i, fixture.log.entry(i), fixture.log.inclusionProof(i, size));
        }
        writer.finish();

        VerificationReport report = new Verifier().verify(tmp.resolve("b"), List.of());

        assertFailure(report, "root-key", "entries/1.json", "missing");
        assertFailure(report, "entry-signature", "entries/3.json", "no signature by a key registered before index 3");
    }

    @Test
    void verify_rejectsACheckpointWithoutAConsistencyChainToTheLargest() throws Exception {
        TestBundles fixture = new TestBundles();
        Path bundle = fixture.write(tmp.resolve("b"));
        Files.delete(bundle.resolve("consistency/3-5.proof"));

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertFailure(report, "consistency-chain", "checkpoints/3.note", "no chain of verified consistency proofs");
        assertEquals(CheckStatus.PASS, only(report, "consistency-chain", "checkpoints/5.note").status());
    }

    @Test
    void verify_acceptsAChainThroughADirectProof() throws Exception {
        TestBundles fixture = new TestBundles();
        Path bundle = fixture.write(tmp.resolve("b"));
        Files.delete(bundle.resolve("consistency/3-5.proof"));
        StringBuilder direct = new StringBuilder();
        fixture.log.consistencyProof(3, 6).forEach(h -> direct.append(java.util.Base64.getEncoder().encodeToString(h)).append('\n'));
        Files.writeString(bundle.resolve("consistency/3-6.proof"), direct);

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertTrue(report.passed(), () -> describe(report));
    }

    @Test
    void verify_reportsMissingAndUnexpectedFiles() throws Exception {
        Path bundle = new TestBundles().write(tmp.resolve("b"));
        Files.delete(bundle.resolve("proofs/4.tlog-proof"));
        Files.writeString(bundle.resolve("entries/notes.txt"), "hello\n");

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertFailure(report, "bundle-layout", "proofs/4.tlog-proof", "missing");
        assertFailure(report, "bundle-layout", "entries/notes.txt", "unexpected file");
        assertFailure(report, "inclusion-proof", "proofs/4.tlog-proof", "cannot read");
    }

    @Test
    void verify_rejectsADocumentNoEntryReferences() throws Exception {
        TestBundles fixture = new TestBundles();
        long size = fixture.log.size();
        BundleWriter writer = new BundleWriter(tmp.resolve("b"));
        writer.logInfo(fixture.log.logId, fixture.log.origin, List.of(fixture.log.logSigner.verifierKey()));
        writer.addCheckpoint(size, fixture.log.checkpoint(size));
        writer.addEntry(1, fixture.log.entry(1), fixture.log.inclusionProof(1, size));
        byte[] stray = "not evidence".getBytes();
        writer.addDocument(TestBundles.sha256Hex(stray), new ByteArrayInputStream(stray));
        writer.finish();

        VerificationReport report = new Verifier().verify(tmp.resolve("b"), List.of());

        assertFailure(report, "document-reference", "documents/" + TestBundles.sha256Hex(stray),
                "which no bundled entry references");
    }

    @Test
    void verify_reportsAnErasedDocumentWithTheRecordOfItsErasure() throws Exception {
        TestBundles fixture = new TestBundles();
        fixture.log.append(TestLog.sign(TestLog.record("document-erasure").put("sha256", fixture.erasedSha256)
                .put("reason", "GDPR Art. 17 request").put("requestedBy", "acme").put("erasedAt", "2026-07-01T00:00:00Z"),
                fixture.log.rootKey));

        VerificationReport report = new Verifier().verify(writeAll(fixture, tmp.resolve("b")), List.of());

        assertTrue(report.passed(), () -> describe(report));
        CheckResult erased = only(report, "document-hash", "documents/" + fixture.erasedSha256);
        assertEquals(new CheckResult("document-hash", "documents/" + fixture.erasedSha256, CheckStatus.ERASED,
                "content erased, as the document-erasure in entries/6.json records"), erased);
    }

    @Test
    void verify_reportsAnUnreadableManifestAsTheOnlyFailure() throws Exception {
        Path bundle = new TestBundles().write(tmp.resolve("b"));
        String manifest = Files.readString(bundle.resolve("bundle.json"));
        Files.writeString(bundle.resolve("bundle.json"), manifest.replace(",", ", "));

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertEquals(1, report.results().size());
        assertFailure(report, "bundle-manifest", "bundle.json", "not RFC 8785 canonical JSON");
    }

    @Test
    void verify_throwsForABundleThatDoesNotExist() {
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new Verifier().verify(tmp.resolve("nothing"), List.of()));
    }

    @Test
    void verify_runsAnAddedCheck() throws Exception {
        Path bundle = new TestBundles().write(tmp.resolve("b"));
        BundleCheck statementCheck = context -> List.of(CheckResult.fail("statement-recompute",
                context.manifest().logId(), "figures differ"));
        List<BundleCheck> checks = Stream.concat(Verifier.defaultChecks().stream(), Stream.of(statementCheck)).toList();

        VerificationReport report = new Verifier(checks).verify(bundle, List.of());

        assertFailure(report, "statement-recompute", "acme-alu", "figures differ");
    }

    /** Writes every entry of the fixture's log with one checkpoint at its full size. */
    static Path writeAll(TestBundles fixture, Path dir) throws Exception {
        long size = fixture.log.size();
        BundleWriter writer = new BundleWriter(dir);
        writer.logInfo(fixture.log.logId, fixture.log.origin, List.of(fixture.log.logSigner.verifierKey()));
        writer.addCheckpoint(size, fixture.log.checkpoint(size));
        for (long i = 0; i < size; i++) {
            writer.addEntry(i, fixture.log.entry(i), fixture.log.inclusionProof(i, size));
        }
        writer.addDocument(fixture.documentSha256, new ByteArrayInputStream(TestBundles.DOCUMENT));
        writer.addDocument(fixture.erasedSha256, null);
        writer.finish();
        return dir;
    }

    static Path zip(Path dir, Path zip) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"));
                Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = fs.getPath("/" + dir.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return zip;
    }
}
