package org.cbamledger.calculation.electricity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cbamledger.signer.ProofException;
import org.cbamledger.signer.map.Claim;
import org.cbamledger.signer.map.ClaimConflictException;
import org.cbamledger.signer.map.ClaimProof;
import org.cbamledger.signer.map.SerialRange;
import org.cbamledger.signer.map.UniquenessMap;
import org.cbamledger.signer.map.UniquenessVerifier;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * What a record claims once across every log of a deployment (seed 002: no double counting): a
 * {@code go-cancellation} its registry's serial range, a {@code supply-settlement} its contract's delivered MWh of
 * the month ({@code ppa:<contractId>:<month>}). The ledger service claims it when it sequences the entry; the
 * offline verifier checks the bundled proofs of it. Both take the claim keys from here.
 */
public sealed interface EvidenceClaim {
    /** The map keys the claim occupies, in the order their proofs are listed. */
    List<String> claimKeys();

    void claim(UniquenessMap map, Claim claim) throws ClaimConflictException;

    /** Checks, against a map root, that {@code claim} alone holds this target; proofs by claim key. */
    void verify(byte[] mapRoot, Claim claim, Map<String, ClaimProof> proofs) throws ProofException;

    String describe();

    /** GO serials of one registry. */
    record GoRange(SerialRange range) implements EvidenceClaim {
        @Override
        public List<String> claimKeys() {
            return UniquenessMap.blocks(range).stream().map(b -> UniquenessMap.goBlockKey(range, b)).toList();
        }

        @Override
        public void claim(UniquenessMap map, Claim claim) throws ClaimConflictException {
            map.claimGoRange(range, claim);
        }

        @Override
        public void verify(byte[] mapRoot, Claim claim, Map<String, ClaimProof> proofs) throws ProofException {
            UniquenessVerifier.verifyGoRange(mapRoot, range, claim, proofsOf(this, proofs));
        }

        @Override
        public String describe() {
            return "GO serials " + range;
        }
    }

    /** The delivered MWh of a PPA in one settlement month. */
    record PpaPeriod(String contractId, String month) implements EvidenceClaim {
        @Override
        public List<String> claimKeys() {
            return List.of(UniquenessMap.ppaKey(contractId, month));
        }

        @Override
        public void claim(UniquenessMap map, Claim claim) throws ClaimConflictException {
            map.claimPpa(contractId, month, claim);
        }

        @Override
        public void verify(byte[] mapRoot, Claim claim, Map<String, ClaimProof> proofs) throws ProofException {
            UniquenessVerifier.verifyPpa(mapRoot, contractId, month, claim, proofsOf(this, proofs).getFirst());
        }

        @Override
        public String describe() {
            return "PPA " + contractId + " delivered MWh of " + month;
        }
    }

    /**
     * The claim a record makes, or empty for kinds that claim nothing.
     *
     * @throws IllegalArgumentException when a claiming record lacks its fields or its serials are not one series
     */
    static Optional<EvidenceClaim> of(String kind, JsonNode record) {
        return switch (kind) {
            case Kinds.GO_CANCELLATION -> Optional.of(new GoRange(SerialRange.parse(text(record, "registry"),
                    text(record, "firstSerial"), text(record, "lastSerial"))));
            case Kinds.SUPPLY_SETTLEMENT -> Optional.of(new PpaPeriod(text(record, "contractId"), text(record, "month")));
            default -> Optional.empty();
        };
    }

    private static String text(JsonNode record, String name) {
        JsonNode node = record.path(name);
        if (!node.isString() || node.asString().isEmpty()) {
            throw new IllegalArgumentException("/" + name + " must be a non-empty string");
        }
        return node.asString();
    }

    private static List<ClaimProof> proofsOf(EvidenceClaim target, Map<String, ClaimProof> proofs) throws ProofException {
        List<ClaimProof> listed = new java.util.ArrayList<>();
        for (String key : target.claimKeys()) {
            ClaimProof proof = proofs.get(key);
            if (proof == null) {
                throw new ProofException("no proof for claim key " + key + " of " + target.describe());
            }
            listed.add(proof);
        }
        return listed;
    }
}
