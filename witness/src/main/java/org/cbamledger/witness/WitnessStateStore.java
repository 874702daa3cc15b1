package org.cbamledger.witness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The witness's durable state, one file per log origin under {@code <dir>/state/}, named by the hex of the
 * origin's UTF-8 bytes and holding "origin\nsize\nbase64 root\n". A new state is on disk (fsync, atomic rename) before the
 * witness answers with its cosignature.
 */
public final class WitnessStateStore {
    private final Path dir;

    public WitnessStateStore(Path dataDir) throws IOException {
        this.dir = Files.createDirectories(dataDir.resolve("state"));
    }

    public WitnessState read(String origin) throws IOException {
        Path file = file(origin);
        if (!Files.exists(file)) {
            return WitnessState.NONE;
        }
        String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
        if (lines.length != 3 || !lines[0].equals(origin)) {
            throw new IOException("witness state file " + file + " is corrupt");
        }
        return new WitnessState(Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
    }

    public void write(String origin, WitnessState state) throws IOException {
        String text = origin + "\n" + state.size() + "\n" + Base64.getEncoder().encodeToString(state.rootHash()) + "\n";
        DurableFiles.replace(file(origin), text.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String origin) {
        return dir.resolve(HexFormat.of().formatHex(origin.getBytes(StandardCharsets.UTF_8)));
    }
}
