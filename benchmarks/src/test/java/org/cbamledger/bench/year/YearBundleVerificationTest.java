package org.cbamledger.bench.year;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.cbamledger.verifier.bundle.EntryPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The 50-meter year (18,250 signed daily batches, the scenario's evidence, keys and the statement) as a v2
 * bundle, verified by {@code VerifyCommand} in a JVM of its own with a 512 MiB heap: it passes, and a bundle with an
 * edited packed entry, a changed tile hash and a dropped entry fails on each, naming it. No timings: see bench year.
 */
class YearBundleVerificationTest {
    private static final Path HOME = Path.of("..");
    @TempDir
    static Path tmp;
    private static YearLog log;
    private static Path bundle;

    @BeforeAll
    static void writeTheYear() throws Exception {
        log = YearLog.of(HOME, 50, 365);
        bundle = log.writeBundle(tmp.resolve("year.zip"));
    }

    private static Process verify(Path zip, Path report) throws IOException {
        List<String> command = List.of(JavaProcesses.java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.cbamledger.verifier.VerifyCommand", zip.toString(), "--log-key", log.logSigner.verifierKey(),
                "--root-key", log.root.keyId(), "--json");
        return new ProcessBuilder(command).redirectOutput(report.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static List<JsonNode> failures(Path report) throws IOException {
        List<JsonNode> failed = new ArrayList<>();
        for (JsonNode result : YearClient.JSON.readTree(report.toFile()).path("checks")) {
            if (result.path("status").asString().equals("FAIL")) {
                failed.add(result);
            }
        }
        return failed;
    }

    private static boolean failed(List<JsonNode> failures, String check, String subject) {
        return failures.stream().anyMatch(f -> f.path("check").asString().equals(check)
                && f.path("subject").asString().equals(subject));
    }

    @Test
    void theYear_verifiesIn512MiB() throws Exception {
        Path report = tmp.resolve("pass.json");
        int exit = verify(bundle, report).waitFor();

        assertEquals(List.of(), failures(report).stream().map(JsonNode::toString).toList());
        assertEquals(0, exit);
        JsonNode json = YearClient.JSON.readTree(report.toFile());
        assertEquals(log.size(), json.path("treeSize").asLong());
        // entry-format, entry-leaf-hash, entry-signature and inclusion-proof pass for every entry
        assertTrue(json.path("counts").path("PASS").asLong() >= 4 * log.size(), json.path("counts").toString());
        assertTrue(json.path("checks").findValuesAsString("check").contains("statement"), "the statement was checked");
        assertTrue(json.path("checks").findValuesAsString("check").contains("calculation"),
                "the calculation entry was recomputed");
    }

    @Test
    void editedEntry_changedTile_droppedEntry_eachFailNamed() throws Exception {
        long edited = 9_000;
        long dropped = 12_345;
        Path tampered = tmp.resolve("tampered.zip");
        try (ZipFile in = new ZipFile(bundle.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream content = in.getInputStream(entry)) {
                    bytes = content.readAllBytes();
                }
                String name = entry.getName();
                if (name.equals(packOf(edited))) {
                    bytes = repack(bytes, edited, -1);
                } else if (name.equals(packOf(dropped))) {
                    bytes = repack(bytes, -1, dropped);
                } else if (name.equals("tile/0/020")) {
                    bytes[5 * 32] ^= 1;
                } else if (name.equals("bundle.json")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8)
                            .replace("{\"entries\":4096,\"file\":\"" + packOf(dropped) + "\"}",
                                    "{\"entries\":4095,\"file\":\"" + packOf(dropped) + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Path report = tmp.resolve("fail.json");
        int exit = verify(tampered, report).waitFor();

        List<JsonNode> failures = failures(report);
        assertEquals(1, exit);
        assertTrue(failed(failures, "entry-leaf-hash", packOf(edited) + "#" + edited), failures::toString);
        assertTrue(failed(failures, "entry-signature", packOf(edited) + "#" + edited), failures::toString);
        assertTrue(failed(failures, "inclusion-proof", "tile/0/020"), failures::toString);
        assertTrue(failed(failures, "coverage", "entries#" + dropped), failures::toString);
    }

    private static String packOf(long index) {
        return "entries/" + index / EntryPack.MAX_ENTRIES + ".pack";
    }

    /** The pack with one byte of entry {@code edit}'s signature changed, or entry {@code drop} left out. */
    private static byte[] repack(byte[] pack, long edit, long drop) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        EntryPack.Reader reader = new EntryPack.Reader(new java.io.ByteArrayInputStream(pack), "pack", 1 << 20);
        for (EntryPack.Packed entry = reader.next(); entry != null; entry = reader.next()) {
            byte[] bytes = entry.bytes();
            if (entry.index() == drop) {
                continue;
            }
            if (entry.index() == edit) {
                int at = new String(bytes, StandardCharsets.US_ASCII).indexOf("\"sig\":\"") + 10;
                bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A');
            }
            EntryPack.append(out, entry.index(), bytes);
        }
        return out.toByteArray();
    }
}
