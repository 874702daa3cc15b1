package org.cbamledger.verifier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.HashReader;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.TlogProof;
import org.cbamledger.signer.TreeHashes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A small in-memory log: tree hashes by the signer's TreeHashes over a list, checkpoints signed by a log key. */
final class TestLog {
    static final JsonMapper JSON = JsonMapper.builder().build();

    final String logId;
    final String origin;
    final NoteSigner logSigner;
    final SigningKey rootKey;
    /** Applied to every signed checkpoint note, e.g. to append witness cosignatures or other log signatures. */
    java.util.function.UnaryOperator<String> notes = note -> note;
    private final List<byte[]> stored = new ArrayList<>();
    private final List<byte[]> entries = new ArrayList<>();
    private final HashReader reader = indexes -> {
        List<byte[]> hashes = new ArrayList<>();
        for (long index : indexes) {
            hashes.add(stored.get(Math.toIntExact(index)));
        }
        return hashes;
    };

    TestLog(String logId, SigningKey logKey, SigningKey rootKey) {
        this.logId = logId;
        this.origin = "cbam-ledger/" + logId;
        this.logSigner = new NoteSigner(origin, logKey);
        this.rootKey = rootKey;
    }

    static NoteSigner logSigner(String keyName) {
        return new NoteSigner(keyName, SigningKey.generate(KeyAlgorithm.ED25519));
    }

    /** Starts a log with fresh keys as CONTRACTS.md says: the party record, then the root key registering itself. */
    static TestLog started(String logId) throws Exception {
        return started(logId, SigningKey.generate(KeyAlgorithm.ED25519), SigningKey.generate(KeyAlgorithm.ED25519));
    }

    static TestLog started(String logId, SigningKey logKey, SigningKey rootKey) throws Exception {
        TestLog log = new TestLog(logId, logKey, rootKey);
        ObjectNode party = record("party").put("partyId", "acme").put("name", "ACME Aluminium d.o.o.");
        log.append(Envelope.sign("party", bytes(party), log.rootKey));
        log.append(Envelope.sign("key-registration", bytes(registration(log.rootKey, "acme", "root", "*")),
                log.rootKey));
        return log;
    }

    long append(Envelope envelope) throws IOException {
        return append(envelope.canonicalBytes());
    }

    long append(byte[] entryBytes) throws IOException {
        long n = entries.size();
        stored.addAll(TreeHashes.storedHashes(n, Merkle.leafHash(entryBytes), reader));
        entries.add(entryBytes.clone());
        return n;
    }

    /** The log's stored hashes (signer TreeHashes layout), as the service's tree serves them to a v2 bundle writer. */
    HashReader tree() {
        return reader;
    }

    long size() {
        return entries.size();
    }

    byte[] entry(long index) {
        return entries.get(Math.toIntExact(index)).clone();
    }

    String checkpoint(long size) throws IOException {
        String body = new Checkpoint(origin, size, TreeHashes.treeHash(size, reader), List.of()).body();
        return notes.apply(NoteSigner.sign(body, logSigner));
    }

    TlogProof inclusionProof(long index, long treeSize) throws IOException {
        return new TlogProof(index, TreeHashes.proveInclusion(treeSize, index, reader), checkpoint(treeSize));
    }

    List<byte[]> consistencyProof(long fromSize, long toSize) throws IOException {
        return TreeHashes.proveConsistency(toSize, fromSize, reader);
    }

    /** A started log whose gateway key, registered by the root key at index 2, may sign reading batches. */
    static TestLog withGateway(SigningKey gateway) throws Exception {
        TestLog log = started("acme-alu");
        log.append(sign(registration(gateway, "acme", "device", "meter-reading-batch"), log.rootKey));
        return log;
    }

    static ObjectNode record(String kind) {
        return JSON.createObjectNode().put("kind", kind);
    }

    static ObjectNode registration(SigningKey key, String party, String role, String... allowedKinds) {
        ObjectNode reg = record("key-registration")
                .put("keyId", key.keyId())
                .put("algorithm", key.algorithm().wireName())
                .put("publicKey", key.publicKey().spkiBase64())
                .put("party", party)
                .put("role", role)
                .put("validFrom", "2026-01-01T00:00:00Z")
                .put("validUntil", "2028-01-01T00:00:00Z");
        var kinds = reg.putArray("allowedKinds");
        for (String kind : allowedKinds) {
            kinds.add(kind);
        }
        return reg;
    }

    static ObjectNode revocation(SigningKey key) {
        return record("key-revocation").put("keyId", key.keyId()).put("revokedAt", "2026-06-01T00:00:00Z")
                .put("reason", "gateway replaced");
    }

    static ObjectNode readingBatch(String meterId, long batchSeq, String documentSha256Hex) {
        ObjectNode batch = record("meter-reading-batch").put("meterId", meterId).put("batchSeq", batchSeq)
                .put("sourceDocumentSha256", documentSha256Hex);
        batch.putArray("readings").addObject().put("intervalStart", "2026-03-01T00:00:00Z").put("energyKwh", "1250.5");
        return batch;
    }

    static byte[] bytes(ObjectNode node) {
        return JSON.writeValueAsBytes(node);
    }

    static Envelope sign(ObjectNode record, SigningKey... keys) throws SignerException {
        return Envelope.sign(record.get("kind").stringValue(), bytes(record), keys);
    }
}
