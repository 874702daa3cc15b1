package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.TlogProof;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.LogKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared vectors of api-spec (vectors/README.md), each put where it belongs in a bundle and run through
 * the whole Verifier; and the golden log, which must verify as a bundle.
 */
class VectorsTest {
    static final String ORIGIN = "cbam-ledger/golden";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    static List<NoteVerifier> goldenLogKeys() throws Exception {
        List<NoteVerifier> keys = new ArrayList<>(LogKeys.parseFile(GoldenVectors.text("keys/log.vkey")));
        keys.addAll(LogKeys.parseFile(GoldenVectors.text("keys/log-rotated.vkey")));
        return keys;
    }

    static String rootKeyId() {
        return GoldenVectors.text("keys/operator-root-ed25519.keyid").strip();
    }

    static CheckResult line(VerificationReport report, String check, String subject) {
        return report.results().stream().filter(r -> r.check().equals(check) && r.subject().equals(subject))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + check + " " + subject + " in " + report.results()));
    }

    static void assertOutcome(VerificationReport report, String check, String subject, String expected) {
        CheckResult result = line(report, check, subject);
        if (expected.equals("valid")) {
            assertEquals(CheckStatus.PASS, result.status(), result::toString);
        } else {
            assertEquals(CheckStatus.FAIL, result.status(), result::toString);
            assertTrue(result.message().contains(expected), () -> "expected \"" + expected + "\" in " + result);
        }
    }

    @Test
    void goldenLog_verifiesAsABundle_withPinnedLogAndRootKeys() throws Exception {
        Path bundle = GoldenVectors.goldenBundle(tmp.resolve("golden"));

        VerificationReport report = new Verifier().verify(bundle, goldenLogKeys(), Set.of(rootKeyId()));

        assertTrue(report.passed(), () -> String.join("\n", report.failures().stream().map(Object::toString).toList()));
        assertEquals(18, report.results().stream().filter(r -> r.check().equals("entry-signature")).count());
    }

    @Test
    void goldenLog_asGenerated_failsOnlyOnTheFilesABundleDoesNotHave() throws Exception {
        VerificationReport report = new Verifier().verify(GoldenVectors.goldenLog(), goldenLogKeys());

        assertTrue(report.failures().stream().allMatch(f -> f.check().equals("bundle-layout")
                && GoldenVectors.NOT_BUNDLE.contains(f.subject().split("/")[0])), report.failures()::toString);
        assertTrue(report.failures().stream().anyMatch(f -> f.subject().equals("stored-hashes.txt")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            valid.note                 | 7  | valid
            valid_rotated.note         | 10 | valid
            error_no_signatures.note   | 7  | note has no signatures
            error_bad_signature.note   | 7  | checkpoint signature by cbam-ledger/golden does not verify
            error_unknown_key.note     | 7  | checkpoint has no signature by a trusted key
            error_wrong_origin.note    | 7  | checkpoint origin "cbam-ledger/other" does not match expected origin "cbam-ledger/golden"
            error_not_a_number.note    | 7  | checkpoint size is not a decimal number
            error_missing_newline.note | 7  | note does not end with a newline
            error_root_not_base64.note | 7  | checkpoint root hash is not 32 bytes of base64
            error_too_few_lines.note   | 7  | checkpoint has fewer than 3 lines
            """)
    void checkpointVector_inPlaceOfAGoldenCheckpoint(String file, long size, String expected) throws Exception {
        Path bundle = GoldenVectors.goldenBundle(tmp.resolve("golden"));
        String checkpointFile = "checkpoints/" + size + ".note";
        Files.write(bundle.resolve(checkpointFile), GoldenVectors.bytes("checkpoints/" + file));

        VerificationReport report = new Verifier().verify(bundle, goldenLogKeys());

        assertOutcome(report, "checkpoint-signature", checkpointFile, expected);
    }

    /**
     * The entry vectors as entry 4 of a log whose root (operator-root) registered the gateway and submitter
     * keys. The verifier words two cases itself: it knows keys from the bundle's registrations, and it takes
     * an entry's bytes as they are in the log, where they are canonical.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            valid.json                | valid
            valid_two_signatures.json | valid
            valid_pretty_printed.json | not RFC 8785 canonical JSON
            bad_signature.json        | signature by key ede4c66fceb7a5100006923e795cf3673f59586d468db9d2d3340560f57d8fe4 does not verify
            not_canonical.json        | envelope payload is not canonical JSON (RFC 8785)
            unknown_key.json          | no signature by a key registered before index 4 in this bundle
            oversized.json            | envelope exceeds 65536 bytes
            wrong_kind.json           | record kind "party" does not match payloadType kind "meter-reading-batch"
            unexpected_member.json    | envelope has unexpected member "extra"
            payload_not_base64.json   | envelope payload is not valid base64
            no_signatures.json        | envelope has no signatures
            """)
    void envelopeVector_asAnEntryOfALog(String file, String expected) throws Exception {
        SigningKey root = GoldenVectors.key("operator-root-ed25519", tmp);
        TestLog log = TestLog.started("golden", GoldenVectors.key("log-ed25519", tmp), root);
        for (String name : List.of("meter-gateway-ed25519", "submitter-ecdsa-p256")) {
            log.append(TestLog.sign(TestLog.registration(GoldenVectors.key(name, tmp), "golden-op", "submitter", "*"),
                    root));
        }
        long index = log.append(GoldenVectors.bytes("envelopes/" + file));
        Path bundle = writeLog(log, tmp.resolve("b"));

        VerificationReport report = new Verifier().verify(bundle, List.of(), Set.of(root.keyId()));

        String entry = "entries/" + index + ".json";
        if (expected.equals("valid")) {
            assertTrue(report.passed(), report.failures()::toString);
        } else {
            assertTrue(report.failures().stream().anyMatch(f -> f.subject().equals(entry)
                            && (f.check().equals("entry-format") || f.check().equals("entry-signature"))
                            && f.message().contains(expected)),
                    () -> "expected \"" + expected + "\" for " + entry + " in " + report.failures());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            inclusion_valid.json             | valid
            inclusion_index_beyond_size.json | leaf index 18 is not less than tree size 18
            inclusion_wrong_root.json        | inclusion proof does not lead to the root hash
            inclusion_wrong_leaf.json        | inclusion proof does not lead to the root hash
            inclusion_extra_hash.json        | inclusion proof has too many hashes
            inclusion_missing_hash.json      | inclusion proof has too few hashes
            inclusion_smaller_tree.json      | inclusion proof has too few hashes
            """)
    void inclusionVector_asAProofFileOfABundle(String file, String expected) throws Exception {
        JsonNode v = JSON.readTree(GoldenVectors.bytes("proofs/" + file));
        long index = v.get("index").longValue();
        long treeSize = v.get("treeSize").longValue();
        NoteSigner logSigner = new NoteSigner(ORIGIN, GoldenVectors.key("log-ed25519", tmp));
        String note = NoteSigner.sign(
                new Checkpoint(ORIGIN, treeSize, b64(v.get("rootHash")), List.of()).body(), logSigner);
        BundleWriter writer = new BundleWriter(tmp.resolve("b"));
        writer.logInfo("golden", ORIGIN, List.of(logSigner.verifierKey()));
        writer.addCheckpoint(treeSize, note);
        // the golden entry whose leaf hash the vector names, filed at the vector's index
        writer.addEntry(index, goldenEntry(v.get("leafHash").stringValue()), new TlogProof(index, hashes(v), note));
        writer.finish();

        VerificationReport report = new Verifier().verify(tmp.resolve("b"), List.of());

        assertOutcome(report, "inclusion-proof", "proofs/" + index + ".tlog-proof", expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            consistency_valid.json          | valid
            consistency_wrong_old_root.json | consistency proof does not lead to the old root hash
            consistency_wrong_new_root.json | consistency proof does not lead to the new root hash
            consistency_extra_hash.json     | consistency proof has too many hashes
            consistency_missing_hash.json   | consistency proof has too few hashes
            consistency_empty.json          | consistency proof is empty
            """)
    void consistencyVector_asAConsistencyFileOfABundle(String file, String expected) throws Exception {
        JsonNode v = JSON.readTree(GoldenVectors.bytes("proofs/" + file));
        long from = v.get("from").longValue();
        long to = v.get("to").longValue();
        Path bundle = checkpointsOnly(from, b64(v.get("oldRoot")), to, b64(v.get("newRoot")), tmp.resolve("b"));
        Files.writeString(bundle.resolve("consistency/" + from + "-" + to + ".proof"), lines(v));

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertOutcome(report, "consistency-proof", "consistency/" + from + "-" + to + ".proof", expected);
        assertEquals(expected.equals("valid"), report.passed(), report.failures()::toString);
    }

    /** A proof from a larger to a smaller size has no place in a bundle: the reader refuses the file. */
    @Test
    void consistencyVector_oldBeyondNew_isAnUnexpectedFile() throws Exception {
        JsonNode v = JSON.readTree(GoldenVectors.bytes("proofs/consistency_old_beyond_new.json"));
        Path bundle = checkpointsOnly(7, b64(v.get("newRoot")), 18, b64(v.get("oldRoot")), tmp.resolve("b"));
        Files.writeString(bundle.resolve("consistency/18-7.proof"), lines(v));

        VerificationReport report = new Verifier().verify(bundle, List.of());

        assertOutcome(report, "bundle-layout", "consistency/18-7.proof",
                "not a consistency proof from a smaller to a larger bundled checkpoint");
    }

    private Path checkpointsOnly(long from, byte[] fromRoot, long to, byte[] toRoot, Path dir) throws Exception {
        NoteSigner logSigner = new NoteSigner(ORIGIN, GoldenVectors.key("log-ed25519", tmp));
        BundleWriter writer = new BundleWriter(dir);
        writer.logInfo("golden", ORIGIN, List.of(logSigner.verifierKey()));
        writer.addCheckpoint(from, NoteSigner.sign(new Checkpoint(ORIGIN, from, fromRoot, List.of()).body(), logSigner));
        writer.addCheckpoint(to, NoteSigner.sign(new Checkpoint(ORIGIN, to, toRoot, List.of()).body(), logSigner));
        writer.finish();
        Files.createDirectories(dir.resolve("consistency"));
        return dir;
    }

    static Path writeLog(TestLog log, Path dir) throws Exception {
        long size = log.size();
        BundleWriter writer = new BundleWriter(dir);
        writer.logInfo(log.logId, log.origin, List.of(log.logSigner.verifierKey()));
        writer.addCheckpoint(size, log.checkpoint(size));
        for (long i = 0; i < size; i++) {
            writer.addEntry(i, log.entry(i), log.inclusionProof(i, size));
        }
        writer.finish();
        return dir;
    }

    static byte[] goldenEntry(String leafHashHex) throws Exception {
        Path entries = GoldenVectors.goldenLog().resolve("entries");
        try (var files = Files.list(entries)) {
            for (Path file : files.toList()) {
                byte[] bytes = Files.readAllBytes(file);
                if (HexFormat.of().formatHex(Merkle.leafHash(bytes)).equals(leafHashHex)) {
                    return bytes;
                }
            }
        }
        throw new AssertionError("no golden entry has leaf hash " + leafHashHex);
    }

    static List<byte[]> hashes(JsonNode vector) {
        return vector.get("hashes").values().stream().map(VectorsTest::b64).toList();
    }

    static String lines(JsonNode vector) {
        StringBuilder text = new StringBuilder();
        vector.get("hashes").values().forEach(h -> text.append(h.stringValue()).append('\n'));
        return text.toString();
    }

    static byte[] b64(JsonNode node) {
        return Base64.getDecoder().decode(node.stringValue().getBytes(StandardCharsets.US_ASCII));
    }
}
