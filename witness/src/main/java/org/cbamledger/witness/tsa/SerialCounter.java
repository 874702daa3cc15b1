package org.cbamledger.witness.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cbamledger.witness.DurableFiles;

/** Token serial numbers, unique across restarts: each is on disk before the token that carries it leaves. */
final class SerialCounter {
    private final Path file;
    private BigInteger last;

    SerialCounter(Path file) throws IOException {
        this.file = file;
        this.last = Files.exists(file) ? new BigInteger(Files.readString(file, StandardCharsets.US_ASCII).strip())
                : BigInteger.ZERO;
    }

    synchronized BigInteger next() throws IOException {
        BigInteger next = last.add(BigInteger.ONE);
        DurableFiles.replace(file, (next + "\n").getBytes(StandardCharsets.US_ASCII));
        last = next;
        return next;
    }
}
