package org.cbamledger.witness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.TreeHashes;

/** A log in memory with the tree math of the signer: signed checkpoints and consistency proofs, for witness tests. */
final class TestLog {
    final String origin;
    final NoteSigner key;
    private final List<byte[]> stored = new ArrayList<>();
    private long size;

    TestLog(String origin) {
        this(origin, new NoteSigner(origin, SigningKey.generate(KeyAlgorithm.ED25519)));
    }

    TestLog(String origin, NoteSigner key) {
        this.origin = origin;
        this.key = key;
    }

    TestLog append(String... entries) throws IOException {
        for (String entry : entries) {
            stored.addAll(TreeHashes.storedHashes(size, Merkle.leafHash(entry.getBytes(StandardCharsets.UTF_8)),
                    indexes -> read(indexes)));
            size++;
        }
        return this;
    }

    long size() {
        return size;
    }

    String checkpoint() throws IOException {
        byte[] root = TreeHashes.treeHash(size, this::read);
        return NoteSigner.sign(new Checkpoint(origin, size, root, List.of()).body(), key);
    }

    List<byte[]> consistency(long oldSize) throws IOException {
        return oldSize == 0 ? List.of() : TreeHashes.proveConsistency(size, oldSize, this::read);
    }

    AddCheckpointRequest request(long oldSize) throws IOException {
        return new AddCheckpointRequest(oldSize, consistency(oldSize), checkpoint());
    }

    private List<byte[]> read(long[] indexes) {
        List<byte[]> out = new ArrayList<>();
        for (long index : indexes) {
            out.add(stored.get((int) index));
        }
        return out;
    }
}
