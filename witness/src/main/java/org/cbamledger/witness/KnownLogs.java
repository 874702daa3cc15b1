package org.cbamledger.witness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SignerException;

/**
 * The logs a witness cosigns for: log verifier keys (C2SP vkey, Ed25519), each for the origin its key name
 * states, given on the command line or one a line in {@code <dir>/logs.vkey}, which is read on every request so
 * that an operator adds a log by appending its key.
 */
public final class KnownLogs {
    public static final String FILE = "logs.vkey";

    private final List<NoteVerifier> fixed;
    private final Path file;

    public KnownLogs(List<NoteVerifier> fixed, Path dataDir) {
        this.fixed = List.copyOf(fixed);
        this.file = dataDir.resolve(FILE);
    }

    /** The keys of the log with this origin; empty when the witness does not know the log. */
    public List<NoteVerifier> keysOf(String origin) throws IOException {
        List<NoteVerifier> keys = new ArrayList<>();
        for (NoteVerifier key : all()) {
            if (key.keyName().equals(origin)) {
                keys.add(key);
            }
        }
        return keys;
    }

    private List<NoteVerifier> all() throws IOException {
        List<NoteVerifier> keys = new ArrayList<>(fixed);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        keys.add(NoteVerifier.parse(line.strip()));
                    } catch (SignerException e) {
                        throw new IOException(file + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return keys;
    }
}
