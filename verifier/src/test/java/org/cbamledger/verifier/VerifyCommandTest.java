package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class VerifyCommandTest {
    @TempDir
    static Path tmp;

    static TestBundles fixture;
    static Path bundle;

    record Run(int exitCode, String out, String err) {}

    @BeforeAll
    static void writeBundle() throws Exception {
        fixture = new TestBundles();
        bundle = fixture.write(tmp.resolve("bundle"));
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerifyCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void verify_groupsPassingChecks_andEndsUntrusted_forAValidBundleWithNothingPinned() {
        Run run = run("verify", bundle.toString());

        assertEquals(VerifyCommand.UNTRUSTED, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("Log: cbam-ledger/acme-alu, tree size 6; 6 entries, 3 checkpoints, 2 documents"),
                run.out());
        assertTrue(Pattern.compile("(?m)^PASS +6  entry-signature$").matcher(run.out()).find(), run.out());
        assertTrue(run.out().contains("NOT_PINNED         log-key  log-key.vkey: "), run.out());
        assertTrue(run.out().contains("ERASED             document-hash  documents/" + fixture.erasedSha256), run.out());
        assertTrue(run.out().contains("Result: UNTRUSTED (keys not pinned"), run.out());
    }

    @Test
    void verify_acceptsThePinnedLogKeyAsVkeyOrFile() throws Exception {
        String vkey = fixture.log.logSigner.verifierKey();
        Path keyFile = Files.writeString(tmp.resolve("log.vkey"), vkey + "\n");

        Run inline = run(bundle.toString(), "--log-key", vkey, "--root-key", fixture.log.rootKey.keyId());
        Run fromFile = run("verify", bundle.toString(), "--log-key", keyFile.toString());

        assertEquals(0, inline.exitCode(), inline.out() + inline.err());
        assertTrue(inline.out().contains("PASS            1  root-key"), inline.out());
        assertTrue(inline.out().contains("Result: PASSED"), inline.out());
        assertEquals(0, fromFile.exitCode(), fromFile.out() + fromFile.err());
        assertTrue(fromFile.out().contains("PASS            1  log-key"), fromFile.out());
    }

    @Test
    void verify_exitsOneAndNamesTheFile_whenACheckFails() throws Exception {
        Path copy = copy(bundle, tmp.resolve("tampered"));
        Path proof = copy.resolve("proofs/2.tlog-proof");
        byte[] bytes = Files.readAllBytes(proof);
        bytes[40] ^= 0x01;
        Files.write(proof, bytes);

        Run run = run("verify", copy.toString());

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(Pattern.compile("(?m)^FAIL +inclusion-proof  proofs/2\\.tlog-proof: ").matcher(run.out()).find(),
                run.out());
        assertTrue(run.out().contains("Result: FAILED, 1 failed"), run.out());
    }

    @Test
    void verify_printsEveryCheckAsJson() throws Exception {
        Run run = run("verify", bundle.toString(), "--json", "--log-key", fixture.log.logSigner.verifierKey());

        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertTrue(json.get("passed").booleanValue());
        assertEquals("PASSED", json.get("result").stringValue());
        assertEquals("acme-alu", json.get("logId").stringValue());
        assertEquals(40, json.get("checks").size());
        assertEquals("entry-signature", json.get("checks").values().stream()
                .filter(c -> c.get("subject").stringValue().equals("entries/4.json")
                        && c.get("check").stringValue().equals("entry-signature"))
                .findFirst().orElseThrow().get("check").stringValue());
    }

    @Test
    void verify_exitsOneAndNamesAnEditedStatementFigure() throws Exception {
        Path statementBundle = new WorkedExampleBundle().write(tmp.resolve("statement-bundle"));
        Path statement = statementBundle.resolve("statement.json");
        Files.writeString(statement, Files.readString(statement).replaceFirst("\"23630\\.03\"", "\"23630.00\""));

        Run run = run("verify", statementBundle.toString());

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("statement  statement.json: cost.actualEur: stated 23630.00, recomputed 23630.03"),
                run.out());
    }

    @Test
    void verify_acceptsAZip() throws Exception {
        Path zip = VerifierTest.zip(bundle, tmp.resolve("bundle.zip"));

        Run run = run("verify", zip.toString(), "--log-key", fixture.log.logSigner.verifierKey());

        assertEquals(0, run.exitCode(), run.out() + run.err());
    }

    @Test
    void verify_refusesAZipThatNamesAnEntryTwice() throws Exception {
        Path zip = tmp.resolve("twice.zip");
        Files.write(zip, zipWithDuplicateEntry("bundle.json"));

        Run run = run("verify", zip.toString());

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("zip holds entry bundle.json twice"), run.err());
    }

    /** ZipOutputStream refuses duplicates, so the second entry is renamed to the first in the bytes. */
    static byte[] zipWithDuplicateEntry(String name) throws Exception {
        String other = name.substring(0, name.length() - 1) + "#";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String entry : List.of(name, other)) {
                out.putNextEntry(new ZipEntry(entry));
                out.write("{}".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        String latin1 = bytes.toString(StandardCharsets.ISO_8859_1);
        return latin1.replace(other, name).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void verify_exitsTwo_onUsageAndIoErrors() {
        assertEquals(2, run("verify").exitCode());
        assertEquals(2, run("verify", bundle.toString(), "--no-such-option").exitCode());
        Run missing = run("verify", tmp.resolve("no-bundle").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("bundle not found"), missing.err());
        Run badKey = run("verify", bundle.toString(), "--log-key", "name+0000+AAAA");
        assertEquals(2, badKey.exitCode());
        assertTrue(badKey.err().contains("--log-key"), badKey.err());
        assertEquals(2, run("verify", bundle.toString(), "--root-key", "ABC").exitCode());
    }

    @Test
    void verify_exitsTwo_whenTheEntriesCannotBeKeptInTheTemporaryDirectory() {
        String temporary = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.resolve("no-such-directory").toString());
        try {
            Run run = run("verify", bundle.toString());

            assertEquals(2, run.exitCode(), run.out() + run.err());
            assertTrue(run.err().contains("verify: cannot keep the bundle's entries in a temporary file: ")
                    && run.err().contains("no-such-directory"), run.err());
        } finally {
            System.setProperty("java.io.tmpdir", temporary);
        }
    }

    @Test
    void verify_logKeyThatIsNeitherFileNorKey_saysWhatIsExpected() {
        Run run = run("verify", bundle.toString(), "--log-key", "garbage");
        assertEquals(2, run.exitCode());
        assertEquals("verify: --log-key: garbage is neither a file of keys nor a verifier key"
                + " (a C2SP vkey reads name+keyhash+base64key, as in a bundle's log-key.vkey)", run.err().strip());
    }

    @Test
    void verify_folderThatIsNotABundle_saysSoOnce() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("holiday-photos"));
        Run run = run("verify", folder.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("bundle.json: not a bundle: " + folder + " holds no bundle.json (give a bundle directory or its .zip)"),
                run.out());
        assertTrue(!run.out().contains("bundle.json: bundle.json"), run.out());
    }

    static Path copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
