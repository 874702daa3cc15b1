package org.cbamledger.verifier;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.bundle.DirectorySink;

/**
 * The standard test bundle: a log of six entries (party, root self-registration, a gateway key registered
 * by the root, two reading batches by the gateway, a revocation of the gateway), checkpoints 3, 5 and 6
 * with consistency proofs 3-5 and 5-6, one archived and one erased document. The statement check has its own log (WorkedExampleBundle).
 */
final class TestBundles {
    static final byte[] DOCUMENT = "meter export 2026-03, 1250.5 kWh\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] ERASED_DOCUMENT = "personal data, erased\n".getBytes(StandardCharsets.UTF_8);

    final TestLog log;
    final SigningKey gatewayKey;
    final String documentSha256 = sha256Hex(DOCUMENT);
    final String erasedSha256 = sha256Hex(ERASED_DOCUMENT);
    /** RFC 3161 tokens to bundle, by checkpoint size. */
    final java.util.Map<Long, byte[]> timestamps = new java.util.TreeMap<>();

    TestBundles() throws Exception {
        this(KeyAlgorithm.ECDSA_P256);
    }

    TestBundles(KeyAlgorithm gatewayAlgorithm) throws Exception {
        gatewayKey = SigningKey.generate(gatewayAlgorithm);
        log = TestLog.started("acme-alu");
        log.append(TestLog.sign(
                TestLog.registration(gatewayKey, "acme", "device", "meter-reading-batch"), log.rootKey));
        log.append(TestLog.sign(TestLog.readingBatch("M-1", 1, documentSha256), gatewayKey));
        log.append(TestLog.sign(TestLog.readingBatch("M-1", 2, erasedSha256), gatewayKey));
        log.append(TestLog.sign(TestLog.revocation(gatewayKey), log.rootKey));
    }

    /** Writes the standard bundle of this log (all entries, treeSize = log size) into {@code dir}. */
    Path write(Path dir) throws Exception {
        return write(new BundleWriter(dir), false, dir);
    }

    /** The same bundle in format v2: packed entries and hash tiles. */
    Path writeV2(Path dir) throws Exception {
        return write(BundleWriter.v2(new DirectorySink(dir), log.tree()), true, dir);
    }

    private Path write(BundleWriter writer, boolean v2, Path dir) throws Exception {
        long size = log.size();
        writer.logInfo(log.logId, log.origin, List.of(log.logSigner.verifierKey()));
        for (long s : List.of(3L, 5L, size)) {
            writer.addCheckpoint(s, log.checkpoint(s));
        }
        writer.addConsistency(3, 5, log.consistencyProof(3, 5));
        writer.addConsistency(5, size, log.consistencyProof(5, size));
        for (long i = 0; i < size; i++) {
            if (v2) {
                writer.addEntry(i, log.entry(i));
            } else {
                writer.addEntry(i, log.entry(i), log.inclusionProof(i, size));
            }
        }
        writer.addDocument(documentSha256, new ByteArrayInputStream(DOCUMENT));
        writer.addDocument(erasedSha256, null);
        for (var t : timestamps.entrySet()) {
            writer.addTimestamp(t.getKey(), t.getValue());
        }
        writer.finish();
        return dir;
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
