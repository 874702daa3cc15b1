package org.cbamledger.verifier.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.ConsistencyProofVerifier;
import org.cbamledger.signer.ProofException;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.ConsistencyFile;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.Loaded;

/**
 * Every consistency file proves its smaller checkpoint a prefix of its larger one (RFC 9162 §2.1.4.2), and
 * every smaller bundled checkpoint reaches the largest through a chain of such proofs.
 */
public final class ConsistencyProofCheck implements BundleCheck {
    public static final String PROOF = "consistency-proof";
    public static final String CHAIN = "consistency-chain";
    private static final int HASH_BYTES = 32;

    @Override
    public List<CheckResult> run(BundleContext context) {
        List<CheckResult> results = new ArrayList<>();
        Map<Long, List<Long>> proven = new HashMap<>();
        for (ConsistencyFile proof : context.bundle().consistencyFiles()) {
            String problem = problem(context, proof);
            if (problem == null) {
                proven.computeIfAbsent(proof.fromSize(), k -> new ArrayList<>()).add(proof.toSize());
                results.add(CheckResult.pass(PROOF, proof.file(), "size " + proof.fromSize()
                        + " is a prefix of size " + proof.toSize()));
            } else {
                results.add(CheckResult.fail(PROOF, proof.file(), problem));
            }
        }
        long largest = context.manifest().largestCheckpointSize();
        for (long size : context.manifest().checkpointSizes()) {
            if (size == largest) {
                continue;
            }
            String file = BundlePaths.checkpointFile(size);
            results.add(reaches(proven, size, largest)
                    ? CheckResult.pass(CHAIN, file, "consistent with the largest checkpoint, size " + largest)
                    : CheckResult.fail(CHAIN, file, "no chain of verified consistency proofs leads from size "
                            + size + " to the largest checkpoint, size " + largest));
        }
        return results;
    }

    private static String problem(BundleContext context, ConsistencyFile proof) {
        Loaded<String> text = context.text(proof.file());
        if (!text.ok()) {
            return text.error();
        }
        List<byte[]> hashes = new ArrayList<>();
        if (!text.value().isEmpty()) {
            if (!text.value().endsWith("\n")) {
                return "the last line does not end with a newline";
            }
            for (String line : text.value().substring(0, text.value().length() - 1).split("\n", -1)) {
                byte[] hash = decodeHash(line);
                if (hash == null) {
                    return "line " + (hashes.size() + 1) + " is not the canonical base64 of a 32-byte hash";
                }
                hashes.add(hash);
            }
        }
        Loaded<Checkpoint> from = context.checkpointBody(proof.fromSize());
        Loaded<Checkpoint> to = context.checkpointBody(proof.toSize());
        if (!from.ok() || !to.ok()) {
            return "checkpoint unreadable: " + (from.ok() ? to.error() : from.error());
        }
        try {
            ConsistencyProofVerifier.verify(proof.fromSize(), proof.toSize(), from.value().rootHash(),
                    to.value().rootHash(), hashes);
            return null;
        } catch (ProofException e) {
            return "checkpoints " + proof.fromSize() + " and " + proof.toSize() + " are not proven consistent: "
                    + e.getMessage();
        }
    }

    private static byte[] decodeHash(String line) {
        try {
            byte[] hash = Base64.getDecoder().decode(line);
            return hash.length == HASH_BYTES && Base64.getEncoder().encodeToString(hash).equals(line) ? hash : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean reaches(Map<Long, List<Long>> proven, long from, long target) {
        Set<Long> seen = new HashSet<>();
        ArrayDeque<Long> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            long size = queue.poll();
            if (size == target) {
                return true;
            }
            if (seen.add(size)) {
                queue.addAll(proven.getOrDefault(size, List.of()));
            }
        }
        return false;
    }
}
