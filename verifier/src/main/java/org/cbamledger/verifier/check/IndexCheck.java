package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.ProofException;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.index.IndexKey;
import org.cbamledger.signer.index.IndexKeys;
import org.cbamledger.signer.index.IndexProof;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.Bundle;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.Coverage;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.Loaded;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A room bundle is complete by the log's verifiable index (api-spec/BUNDLE.md, "index/"): the latest bundled
 * {@code index-commitment} entry, signed by the log key, commits the map root over [0, S); for every key of the room's
 * scope an {@code index/<hex>.json} proves the key's leaves into that root, and every listed leaf is bundled. A
 * missing one is a FAIL line naming its key and index. A bundled entry below S under a scope key that the index does
 * not list shows the index itself is not honest.
 */
public final class IndexCheck implements BundleCheck {
    public static final String NAME = "index";

    private record Commitment(long entryIndex, long treeSize, byte[] mapRoot) {}

    @Override
    public List<CheckResult> run(BundleContext context) {
        if (!(context.manifest().coverage() instanceof Coverage.Room room)) {
            return List.of();
        }
        List<CheckResult> results = new ArrayList<>();
        Optional<Commitment> found = commitment(context, results);
        if (found.isEmpty()) {
            return results;
        }
        Commitment commitment = found.get();
        Set<Long> bundled = new HashSet<>();
        context.manifest().entries().forEach(e -> bundled.add(e.index()));
        Map<String, Set<Long>> listed = new TreeMap<>();
        for (IndexKey key : IndexKeys.roomScope(room.installationId(), room.periodFrom(), room.periodTo())) {
            Optional<IndexProof> proof = proof(context, commitment, key, results);
            if (proof.isEmpty()) {
                continue;
            }
            listed.put(key.text(), new HashSet<>(proof.get().value().leaves()));
            int missing = 0;
            for (long leaf : proof.get().value().leaves()) {
                if (!bundled.contains(leaf)) {
                    missing++;
                    results.add(CheckResult.fail(NAME, context.manifest().leafSubject(leaf), "missing: leaf " + leaf
                            + " is listed in the log's index under " + key.text()));
                }
            }
            if (missing == 0) {
                results.add(CheckResult.pass(NAME, file(key), key.text() + ": the " + proof.get().value().leaves().size()
                        + " leaves the index lists are bundled"));
            }
        }
        results.addAll(unlisted(context, commitment, listed));
        return results;
    }

    /** The latest bundled index-commitment, when it is the log's own (signed by a trusted log key alone). */
    private static Optional<Commitment> commitment(BundleContext context, List<CheckResult> results) {
        List<ManifestEntry> entries = context.manifest().entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (!Kinds.INDEX_COMMITMENT.equals(context.kind(entries.get(i).index()))) {
                continue;
            }
            Loaded<Envelope> envelope = context.envelope(entries.get(i).index());
            String file = entries.get(i).file();
            String problem = EntrySignatureCheck.logKeyProblem(context.trustedLogKeys(), envelope.value());
            if (problem != null) {
                results.add(CheckResult.fail(NAME, file, "the index commitment is not the log's: " + problem));
                return Optional.empty();
            }
            try {
                JsonNode record = envelope.value().record();
                long size = record.path("treeSize").asLong(-1);
                byte[] root = Base64.getDecoder().decode(record.path("mapRoot").asString(""));
                if (size < 0 || size > entries.get(i).index() || root.length != 32) {
                    results.add(CheckResult.fail(NAME, file, "index commitment needs 0 <= treeSize <= its own index"
                            + " and a 32-byte mapRoot"));
                    return Optional.empty();
                }
                results.add(CheckResult.pass(NAME, file, "index commitment by the log key over entries [0, " + size + ")"));
                return Optional.of(new Commitment(entries.get(i).index(), size, root));
            } catch (SignerException | IllegalArgumentException e) {
                results.add(CheckResult.fail(NAME, file, "not an index commitment: " + e.getMessage()));
                return Optional.empty();
            }
        }
        results.add(CheckResult.fail(NAME, BundlePaths.MANIFEST,
                "a room bundle needs the log's index-commitment entry: none is bundled"));
        return Optional.empty();
    }

    private static Optional<IndexProof> proof(BundleContext context, Commitment commitment, IndexKey key,
            List<CheckResult> results) {
        String file = file(key);
        if (!context.bundle().exists(file)) {
            results.add(CheckResult.fail(NAME, file, "missing: the map proof of " + key.text()));
            return Optional.empty();
        }
        Loaded<byte[]> bytes = context.bytes(file, Bundle.MAX_TEXT_BYTES);
        try {
            if (!bytes.ok()) {
                throw new ProofException(bytes.error());
            }
            IndexProof proof = IndexProof.fromJson(JsonMappers.PLAIN.readTree(bytes.value()));
            if (!proof.value().key().equals(key)) {
                throw new ProofException("proves " + proof.value().key().text() + ", not " + key.text());
            }
            proof.verify(commitment.mapRoot());
            for (long leaf : proof.value().leaves()) {
                if (leaf >= commitment.treeSize()) {
                    throw new ProofException("lists leaf " + leaf + ", beyond the commitment's size " + commitment.treeSize());
                }
            }
            return Optional.of(proof);
        } catch (ProofException | JacksonException e) {
            results.add(CheckResult.fail(NAME, file, key.text() + ": " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Bundled entries below the commitment's size that fall under a scope key must be listed under it. */
    private static List<CheckResult> unlisted(BundleContext context, Commitment commitment, Map<String, Set<Long>> listed) {
        List<CheckResult> results = new ArrayList<>();
        for (ManifestEntry entry : context.manifest().entries()) {
            Loaded<Envelope> envelope = context.envelope(entry.index());
            if (entry.index() >= commitment.treeSize() || !envelope.ok()) {
                continue;
            }
            JsonNode record;
            try {
                record = envelope.value().record();
            } catch (SignerException e) {
                continue;
            }
            for (IndexKey key : IndexKeys.of(record)) {
                Set<Long> leaves = listed.get(key.text());
                if (leaves != null && !leaves.contains(entry.index())) {
                    results.add(CheckResult.fail(NAME, entry.file(), "the log's index omits this entry under "
                            + key.text() + ": the index is not the log's"));
                }
            }
        }
        return results;
    }

    static String file(IndexKey key) {
        return BundlePaths.indexProofFile(key.mapKey().hex());
    }
}
