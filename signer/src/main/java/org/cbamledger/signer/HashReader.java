package org.cbamledger.signer;

import java.io.IOException;
import java.util.List;

/** Reads stored tree hashes by stored-hash index (see TreeHashes.storedHashIndex). */
@FunctionalInterface
public interface HashReader {
    /** Returns exactly one hash per index, in the order asked (mostly increasing, but not always). */
    List<byte[]> readHashes(long[] storedHashIndexes) throws IOException;
}
