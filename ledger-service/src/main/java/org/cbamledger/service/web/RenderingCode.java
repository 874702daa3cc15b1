package org.cbamledger.service.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.signer.Sha256;

/**
 * The SHA-256 of the compiled code a room's page is made by: every class of this web package and of the calculation
 * module, read from where the JVM loaded them (a classes directory or a jar), by name in sorted order. A stored view
 * is keyed by it ({@link ViewDigest}), so a build that changes how a page or a figure is made never serves a page an
 * older build stored, whether or not anyone remembered to raise a version.
 */
final class RenderingCode {
    private static final String DIGEST = digest(List.of(RenderingCode.class, EmissionsCalculator.class));

    private RenderingCode() {}

    static String digest() {
        return DIGEST;
    }

    /** The digest over the classes in each anchor's package and below, from the anchor's code source. */
    static String digest(List<Class<?>> anchors) {
        TreeMap<String, byte[]> classes = new TreeMap<>();
        for (Class<?> anchor : anchors) {
            Path source;
            try {
                source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | RuntimeException e) {
                throw new IllegalStateException("cannot locate the web view's compiled code: " + anchor.getName(), e);
            }
            classes.putAll(classesUnder(source, anchor.getPackageName().replace('.', '/') + "/"));
        }
        return digest(classes);
    }

    /** SHA-256 over each class's name and the SHA-256 of its bytes, in name order. */
    static String digest(TreeMap<String, byte[]> classes) {
        if (classes.isEmpty()) {
            throw new IllegalStateException("no compiled classes found for the web view's code digest");
        }
        MessageDigest digest = Sha256.newDigest();
        classes.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Sha256.digest(bytes));
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The .class files whose names start with {@code prefix}, by name, from a classes directory or a jar. */
    static TreeMap<String, byte[]> classesUnder(Path source, String prefix) {
        TreeMap<String, byte[]> classes = new TreeMap<>();
        try {
            if (Files.isDirectory(source)) {
                Path root = source.resolve(prefix);
                if (!Files.isDirectory(root)) {
                    return classes;
                }
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        classes.put(prefix + root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
                return classes;
            }
            try (JarFile jar = new JarFile(source.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            classes.put(entry.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web view's compiled code in " + source, e);
        }
        return classes;
    }
}
