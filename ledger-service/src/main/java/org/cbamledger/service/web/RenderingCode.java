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
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.signer.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SHA-256 of the code and data a room's page is made by: every class of this web package, and every file the
 * calculation module ships (its classes, rule sets and default-value tables), read from where the JVM loaded them (a
 * classes directory or a jar, its META-INF aside), by name in sorted order. A stored view is keyed by it
 * ({@link ViewDigest}), so a build that changes how a page or a figure is made never serves a page an older build
 * stored. Should the files be unreadable, a digest drawn at random for this process is used instead: views are then
 * stored and reused within this run only, never served from another build's.
 */
final class RenderingCode {
    private static final Logger LOG = LoggerFactory.getLogger(RenderingCode.class);
    private static final String DIGEST = digestOrRandom();

    private RenderingCode() {}

    static String digest() {
        return DIGEST;
    }

    private static String digestOrRandom() {
        try {
            TreeMap<String, byte[]> files = new TreeMap<>();
            files.putAll(filesUnder(codeSource(RenderingCode.class), RenderingCode.class.getPackageName().replace('.', '/') + "/"));
            files.putAll(filesUnder(codeSource(EmissionsCalculator.class), ""));
            return digest(files);
        } catch (RuntimeException e) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            LOG.warn("the web view's code cannot be read ({}): stored room views are reused within this run only", e.toString());
            return "unread-" + HexFormat.of().formatHex(random);
        }
    }

    private static Path codeSource(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the code of " + anchor.getName(), e);
        }
    }

    /** SHA-256 over each file's name and the SHA-256 of its bytes, in name order. */
    static String digest(TreeMap<String, byte[]> classes) {
        if (classes.isEmpty()) {
            throw new IllegalStateException("no files found for the web view's code digest");
        }
        MessageDigest digest = Sha256.newDigest();
        classes.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(Sha256.digest(bytes));
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The files whose names start with {@code prefix} (empty: all), by name, from a classes directory or a jar; a jar's
     * META-INF (its manifest, the build's tool versions) is left out.
     */
    static TreeMap<String, byte[]> filesUnder(Path source, String prefix) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try {
            if (Files.isDirectory(source)) {
                Path root = prefix.isEmpty() ? source : source.resolve(prefix);
                if (!Files.isDirectory(root)) {
                    return files;
                }
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        String name = prefix + root.relativize(file).toString().replace('\\', '/');
                        if (!name.startsWith("META-INF/")) {
                            files.put(name, Files.readAllBytes(file));
                        }
                    }
                }
                return files;
            }
            try (JarFile jar = new JarFile(source.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().startsWith(prefix) && !entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.put(entry.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web view's code in " + source, e);
        }
        return files;
    }
}
