package org.cbamledger.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;

/** The shared test vectors (api-spec resources vectors/) and the golden log (api-spec/golden). */
final class GoldenVectors {
    /** Files of api-spec/golden that are not part of a bundle: the generator's notes, tree hashes, tiles. */
    static final Set<String> NOT_BUNDLE = Set.of("README.md", "stored-hashes.txt", "tile");

    private GoldenVectors() {}

    static byte[] bytes(String resource) {
        try (InputStream in = GoldenVectors.class.getClassLoader().getResourceAsStream("vectors/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("test vector vectors/" + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    static SigningKey key(String name, Path tmp) throws IOException, SignerException {
        Path pem = Files.write(tmp.resolve(name + ".pem"), bytes("keys/" + name + ".pem"));
        return SigningKey.readPem(pem);
    }

    static Path goldenLog() {
        for (Path candidate : new Path[] {Path.of("../api-spec/golden"), Path.of("api-spec/golden")}) {
            if (Files.isRegularFile(candidate.resolve("bundle.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("api-spec/golden not found from " + Path.of("").toAbsolutePath());
    }

    /** A copy of the golden log holding only the bundle's files. */
    static Path goldenBundle(Path target) throws IOException {
        Path golden = goldenLog();
        try (Stream<Path> files = Files.walk(golden)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = golden.relativize(file);
                if (NOT_BUNDLE.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        return target;
    }
}
