package org.cbamledger.verifier.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A bundle written as a directory, one file each; the directory must be new or empty. */
public final class DirectorySink implements BundleSink {
    private final Path dir;

    public DirectorySink(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var list = Files.list(dir)) {
            if (list.findAny().isPresent()) {
                throw new IOException("bundle directory is not empty: " + dir);
            }
        }
        this.dir = dir;
    }

    @Override
    public void write(String file, byte[] content) throws IOException {
        Files.write(resolve(file), content, StandardOpenOption.CREATE_NEW);
    }

    @Override
    public OutputStream open(String file) throws IOException {
        return Files.newOutputStream(resolve(file), StandardOpenOption.CREATE_NEW);
    }

    @Override
    public void abandon(String file) throws IOException {
        Files.deleteIfExists(dir.resolve(file));
    }

    @Override
    public void finish() {}

    private Path resolve(String file) throws IOException {
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        return target;
    }
}
