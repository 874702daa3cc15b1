package org.cbamledger.service.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored web view is keyed by the code that made it: any change to a class of the page or the figures changes it. */
class RenderingCodeTest {
    private static final String PREFIX = "org/example/web/";
    private static final Map<String, byte[]> CLASSES = Map.of(
            PREFIX + "Page.class", new byte[] {1, 2, 3},
            PREFIX + "chart/Chart.class", new byte[] {4, 5},
            PREFIX + "Page$Row.class", new byte[] {6});

    @TempDir
    Path tmp;

    private Path directory(Map<String, byte[]> classes) throws IOException {
        Path root = Files.createTempDirectory(tmp, "classes");
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            Path file = root.resolve(c.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, c.getValue());
        }
        Files.createDirectories(root.resolve("META-INF"));
        Files.writeString(root.resolve("META-INF/MANIFEST.MF"), "Build-Jdk-Spec: 25");
        return root;
    }

    private Path jar(Map<String, byte[]> classes) throws IOException {
        Path jar = Files.createTempFile(tmp, "code", ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                out.putNextEntry(new JarEntry(c.getKey()));
                out.write(c.getValue());
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("org/example/other/Elsewhere.class"));
            out.write(new byte[] {9});
            out.closeEntry();
        }
        return jar;
    }

    private String digest(Path source) {
        return RenderingCode.digest(RenderingCode.filesUnder(source, PREFIX));
    }

    @Test
    void theSameClasses_inADirectoryOrAJar_giveTheSameDigest() throws IOException {
        assertEquals(3, RenderingCode.filesUnder(directory(CLASSES), PREFIX).size());
        assertEquals(digest(directory(CLASSES)), digest(jar(CLASSES)));
        TreeMap<String, byte[]> wholeJar = RenderingCode.filesUnder(jar(CLASSES), "");
        wholeJar.remove("org/example/other/Elsewhere.class");
        assertEquals(RenderingCode.digest(RenderingCode.filesUnder(directory(CLASSES), "")), RenderingCode.digest(wholeJar),
                "everything but META-INF, from either");
    }

    @Test
    void oneByteOfOneClass_oneClassMoreOrARenamedClass_giveAnotherDigest() throws IOException {
        String original = digest(directory(CLASSES));
        TreeMap<String, byte[]> changed = new TreeMap<>(CLASSES);
        changed.put(PREFIX + "chart/Chart.class", new byte[] {4, 6});
        TreeMap<String, byte[]> more = new TreeMap<>(CLASSES);
        more.put(PREFIX + "Legend.class", new byte[] {7});
        TreeMap<String, byte[]> renamed = new TreeMap<>(CLASSES);
        renamed.put(PREFIX + "Chart.class", renamed.remove(PREFIX + "chart/Chart.class"));

        for (Map<String, byte[]> other : List.of(changed, more, renamed)) {
            assertNotEquals(original, digest(directory(other)), other.keySet().toString());
            assertNotEquals(original, digest(jar(other)), other.keySet().toString());
        }
    }

    /** A corrected default value or rule set changes the figures as much as a class does. */
    @Test
    void aRuleSetOrADefaultValueTable_isCoveredLikeAClass() throws IOException {
        Map<String, byte[]> module = Map.of("org/example/calc/Calculator.class", new byte[] {1},
                "cbam-rulesets/default-values-aluminium.csv", "7601,1.5".getBytes(StandardCharsets.UTF_8));
        TreeMap<String, byte[]> corrected = new TreeMap<>(module);
        corrected.put("cbam-rulesets/default-values-aluminium.csv", "7601,1.6".getBytes(StandardCharsets.UTF_8));

        assertEquals(2, RenderingCode.filesUnder(directory(module), "").size(), "META-INF left out");
        assertNotEquals(RenderingCode.digest(RenderingCode.filesUnder(directory(module), "")),
                RenderingCode.digest(RenderingCode.filesUnder(directory(corrected), "")));
    }

    @Test
    void theServicesOwnDigest_isRead_andKeysTheViews() {
        assertTrue(RenderingCode.digest().matches("[0-9a-f]{64}"), RenderingCode.digest());
        assertTrue(ViewDigest.FORMAT.endsWith(RenderingCode.digest()), ViewDigest.FORMAT);
    }
}
