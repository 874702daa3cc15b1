package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.cbamledger.signer.KeyAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flips one byte at a time in every file of a valid bundle and requires verification to fail with a failure
 * that names the file. Files up to {@link #SMALL_BYTES} get every position; larger ones a sample: the first
 * and last bytes, an even stride, and the bytes around every line end and '=' (where base64 bodies end and
 * padding bits hide), and in bundle.json both ends of every key and value. The gateway key is Ed25519 here to keep the thousands of verifications quick. The statement is left out: its integrity is the statement check's (a JWS).
 */
class TamperTest {
    static final int SMALL_BYTES = 200;
    static final int EDGE_BYTES = 8;
    static final int STRIDE_SAMPLES = 32;
    static final String TOKEN_EDGES = "\":,[]{}";

    @TempDir
    static Path tmp;

    static Path bundle;
    static final Verifier VERIFIER = new Verifier();

    @BeforeAll
    static void writeBundle() throws Exception {
        bundle = new TestBundles(KeyAlgorithm.ED25519).write(tmp.resolve("bundle"));
    }

    @Test
    void theUntamperedBundlePasses() throws IOException {
        assertTrue(VERIFIER.verify(bundle, List.of()).passed());
    }

    @TestFactory
    Stream<DynamicTest> everyFile_failsVerificationNamingTheFile_whenAnyOneByteChanges() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(bundle)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> bundle.relativize(p).toString().replace('\\', '/'))
                    .filter(f -> !f.equals("statement.json"))
                    .sorted()
                    .toList();
        }
        assertTrue(files.size() >= 18, "the standard bundle has all kinds of files: " + files);
        return files.stream().map(file -> DynamicTest.dynamicTest(file, () -> tamperEveryPosition(file)));
    }

    private static void tamperEveryPosition(String file) throws IOException {
        Path path = bundle.resolve(file);
        byte[] original = Files.readAllBytes(path);
        List<String> undetected = new ArrayList<>();
        int tried = 0;
        try {
            for (int position : positions(original, file.equals("bundle.json"))) {
                for (IntUnaryOperator change : List.<IntUnaryOperator>of(b -> b ^ 0x01, TamperTest::otherPrintable)) {
                    byte[] tampered = original.clone();
                    tampered[position] = (byte) change.applyAsInt(original[position] & 0xff);
                    Files.write(path, tampered);
                    VerificationReport report = VERIFIER.verify(bundle, List.of());
                    boolean named = report.failures().stream()
                            .anyMatch(f -> f.subject().equals(file) || f.message().contains(file));
                    if (!named) {
                        undetected.add("byte " + position + " '" + (char) original[position] + "' -> '"
                                + (char) tampered[position] + "': " + (report.passed() ? "passed" : report.failures()));
                    }
                    tried++;
                }
            }
        } finally {
            Files.write(path, original);
        }
        int total = tried;
        System.out.println(file + ": " + (total - undetected.size()) + " of " + total + " one-byte changes failed naming it");
        assertTrue(undetected.isEmpty(), () -> file + ": " + undetected.size() + " of " + total
                + " one-byte changes not failed naming the file:\n" + String.join("\n", undetected.subList(0,
                        Math.min(10, undetected.size()))));
    }

    /** {@code jsonTokens}: also the first and last byte of every JSON key and value (for bundle.json). */
    static TreeSet<Integer> positions(byte[] content, boolean jsonTokens) {
        TreeSet<Integer> positions = new TreeSet<>();
        int n = content.length;
        if (n <= SMALL_BYTES) {
            for (int i = 0; i < n; i++) {
                positions.add(i);
            }
            return positions;
        }
        for (int i = 0; i < EDGE_BYTES; i++) {
            positions.add(i);
            positions.add(n - 1 - i);
        }
        for (int i = 0; i < n; i += n / STRIDE_SAMPLES) {
            positions.add(i);
        }
        for (int i = 1; i < n; i++) {
            if (content[i] == '\n' || content[i] == '=') {
                positions.add(i - 1);
                positions.add(i);
            }
            if (jsonTokens && TOKEN_EDGES.indexOf(content[i - 1]) >= 0) {
                positions.add(i);
            }
            if (jsonTokens && i + 1 < n && TOKEN_EDGES.indexOf(content[i + 1]) >= 0) {
                positions.add(i);
            }
        }
        return positions;
    }

    /** A different printable byte of the same class, so the change stays plausible (a digit for a digit ...). */
    static int otherPrintable(int b) {
        if (b >= '0' && b <= '9') {
            return b == '9' ? '0' : b + 1;
        }
        if (b >= 'a' && b <= 'z') {
            return b == 'z' ? 'a' : b + 1;
        }
        if (b >= 'A' && b <= 'Z') {
            return b == 'Z' ? 'A' : b + 1;
        }
        if (b == '\n') {
            return ' ';
        }
        return b == '~' ? '!' : b >= ' ' && b < '~' ? b + 1 : '?';
    }
}
