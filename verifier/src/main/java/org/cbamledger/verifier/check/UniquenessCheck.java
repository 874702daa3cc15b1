package org.cbamledger.verifier.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cbamledger.calculation.electricity.EvidenceClaim;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.CheckpointVerifier;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.ProofException;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.map.Claim;
import org.cbamledger.signer.map.ClaimProof;
import org.cbamledger.spec.Kinds;
import org.cbamledger.signer.map.MapHashes;
import org.cbamledger.signer.map.MapKey;
import org.cbamledger.signer.map.MapProofVerifier;
import org.cbamledger.verifier.bundle.Bundle;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.Loaded;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the bundled uniqueness proofs offline (BUNDLE.md, "Uniqueness proofs"): {@code uniqueness/map.note} is a
 * map checkpoint signed by a trusted log key for origin {@code <origin>/claims}; every {@code uniqueness/<key>.json}
 * is a ClaimProof of that map root for the claim key whose map key (hex) names the file; and every bundled
 * go-cancellation and supply-settlement entry is the one claim on its GO serials or PPA month.
 */
public final class UniquenessCheck implements BundleCheck {
    public static final String NAME = "uniqueness";
    public static final String DIRECTORY = "uniqueness";
    public static final String MAP_CHECKPOINT = DIRECTORY + "/map.note";
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    /** The origin line of the deployment's claim map checkpoint as the log of {@code logOrigin} signs it. */
    public static String mapOrigin(String logOrigin) {
        return logOrigin + "/claims";
    }

    /** The file of a claim key's proof: {@code uniqueness/<hex SHA-256 map key>.json}. */
    public static String proofFile(String claimKey) {
        return DIRECTORY + "/" + MapKey.ofClaim(claimKey).hex() + ".json";
    }

    @Override
    public List<CheckResult> run(BundleContext context) {
        List<CheckResult> results = new ArrayList<>();
        Map<Long, EvidenceClaim> claiming = claimingEntries(context, results);
        List<String> files = files(context.bundle());
        if (files.isEmpty()) {
            if (!claiming.isEmpty()) {
                results.add(new CheckResult(NAME, DIRECTORY + "/", CheckStatus.NOT_CHECKED,
                        claiming.size() + " claiming entries (GO cancellations, supply settlements) and no uniqueness proofs bundled"));
            }
            return results;
        }
        Optional<Checkpoint> map = mapCheckpoint(context, results);
        if (map.isEmpty()) {
            return results;
        }
        byte[] root = map.get().rootHash();
        Map<String, ClaimProof> proofs = new TreeMap<>();
        for (String file : files) {
            if (file.equals(MAP_CHECKPOINT)) {
                continue;
            }
            try {
                ClaimProof proof = proof(context, file, root);
                proofs.put(proof.claimKey(), proof);
                results.add(CheckResult.pass(NAME, file, (proof.value().isPresent() ? "claim" : "no-claim") + " proof of "
                        + proof.claimKey() + " verifies against the map root"));
            } catch (ProofException e) {
                results.add(CheckResult.fail(NAME, file, e.getMessage()));
            }
        }
        String logId = context.manifest().logId();
        for (Map.Entry<Long, EvidenceClaim> entry : claiming.entrySet()) {
            ManifestEntry manifestEntry = context.manifest().entries().stream().filter(e -> e.index() == entry.getKey()).findFirst().orElseThrow();
            Claim claim = new Claim(logId, entry.getKey(), manifestEntry.leafHashHex());
            try {
                entry.getValue().verify(root, claim, proofs);
                results.add(CheckResult.pass(NAME, manifestEntry.file(), entry.getValue().describe() + " claimed by this entry alone"));
            } catch (ProofException | RuntimeException e) {
                results.add(CheckResult.fail(NAME, manifestEntry.file(), entry.getValue().describe() + ": " + e.getMessage()));
            }
        }
        return results;
    }

    private static Map<Long, EvidenceClaim> claimingEntries(BundleContext context, List<CheckResult> results) {
        Map<Long, EvidenceClaim> claiming = new TreeMap<>();
        for (ManifestEntry entry : context.manifest().entries()) {
            String kind = context.kind(entry.index());
            if (kind == null || !Kinds.CLAIMING.contains(kind)) {
                continue;
            }
            Loaded<Envelope> envelope = context.envelope(entry.index());
            try {
                EvidenceClaim.of(envelope.value().kind(), envelope.value().record()).ifPresent(c -> claiming.put(entry.index(), c));
            } catch (SignerException e) {
                // not a JSON record: EntryFormatCheck reports it
            } catch (IllegalArgumentException e) {
                results.add(CheckResult.fail(NAME, entry.file(), "cannot tell what the entry claims: " + e.getMessage()));
            }
        }
        return claiming;
    }

    private static List<String> files(Bundle bundle) {
        Path dir = bundle.root().resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> DIRECTORY + "/" + p.getFileName().toString().replace("/", "")).sorted().toList();
        } catch (IOException e) {
            return List.of(MAP_CHECKPOINT);
        }
    }

    private static Optional<Checkpoint> mapCheckpoint(BundleContext context, List<CheckResult> results) {
        Loaded<String> note = context.text(MAP_CHECKPOINT);
        if (!note.ok()) {
            results.add(CheckResult.fail(NAME, MAP_CHECKPOINT, note.error()));
            return Optional.empty();
        }
        try {
            if (!SignedNote.parse(note.value()).format().equals(note.value())) {
                results.add(CheckResult.fail(NAME, MAP_CHECKPOINT, "signed note does not re-encode to its own bytes"));
                return Optional.empty();
            }
            String origin = mapOrigin(context.manifest().origin());
            Checkpoint map = CheckpointVerifier.verify(note.value(), context.trustedLogKeys(), origin);
            results.add(CheckResult.pass(NAME, MAP_CHECKPOINT, "claim map of " + map.size() + " keys signed by the log key for " + origin));
            return Optional.of(map);
        } catch (SignerException e) {
            results.add(CheckResult.fail(NAME, MAP_CHECKPOINT, e.getMessage()));
            return Optional.empty();
        }
    }

    private static ClaimProof proof(BundleContext context, String file, byte[] root) throws ProofException {
        Loaded<String> text = context.text(file);
        if (!text.ok()) {
            throw new ProofException(text.error());
        }
        ClaimProof proof;
        try {
            proof = ClaimProof.fromJson(JSON.readTree(text.value()));
        } catch (RuntimeException e) {
            throw new ProofException("not a ClaimProof JSON: " + e.getMessage());
        }
        if (!file.equals(proofFile(proof.claimKey()))) {
            throw new ProofException("claim key " + proof.claimKey() + " belongs in " + proofFile(proof.claimKey()));
        }
        MapKey key = MapKey.ofClaim(proof.claimKey());
        if (proof.value().isPresent()) {
            MapProofVerifier.verifyInclusion(root, key, MapHashes.valueHash(proof.value().get()), proof.proof());
        } else {
            MapProofVerifier.verifyNonInclusion(root, key, proof.proof());
        }
        return proof;
    }
}
