package org.cbamledger.service.claims;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.cbamledger.calculation.electricity.EvidenceClaim;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.log.Receipt;
import org.cbamledger.service.log.SequencingHook;
import org.cbamledger.service.log.Submission;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.map.Claim;
import org.cbamledger.signer.map.ClaimProof;
import org.cbamledger.signer.map.ClaimValue;
import org.cbamledger.signer.map.MapHashes;
import org.cbamledger.signer.map.MapKey;
import org.cbamledger.signer.map.SparseMerkleMap;
import org.cbamledger.signer.map.UniquenessMap;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.node.ObjectNode;

/**
 * Uniqueness across every log of the deployment (DESIGN.md, "Uniqueness"): a go-cancellation's GO serial range
 * and a supply-settlement's PPA month ({@link EvidenceClaim}) are claimed in the transaction that sequences the
 * entry. {@link #check} runs before a group is planned and refuses it whole, appending nothing, when another
 * entry holds any of its claims; {@link #record} writes the claims with the indexes the group got. The claim map
 * is one for the deployment, so a batch with claiming entries takes one transaction-scoped advisory lock on it;
 * batches without claims never touch it.
 */
public final class DeploymentClaims {
    /** pg_advisory_xact_lock key of the claim map ("claimmap"). */
    private static final long MAP_LOCK = 0x636c61696d6d6170L;

    /** {@link #check} and {@link #record} in the write path's sequencing transaction. */
    public static final SequencingHook SEQUENCING = (c, logId, group) -> {
        List<Planned> planned = check(c, logId, group);
        return (same, receipts) -> record(same, logId, planned, receipts);
    };

    private DeploymentClaims() {}

    /** A claim of a group: the submission's position in the group and what it claims. */
    public record Planned(int position, EvidenceClaim target) {}

    private record Slot(String claimKey, long first, long last) {}

    /**
     * The group's claims, checked against the map and each other; empty (and no lock taken) when it claims nothing.
     *
     * @throws LedgerException {@link Problem#CLAIM_CONFLICT} naming the first claim (log, leaf index, leaf hash)
     */
    public static List<Planned> check(Connection c, String logId, List<Submission> group) throws SQLException, LedgerException {
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Submission s = group.get(i);
            if (!Kinds.CLAIMING.contains(s.kind())) {
                continue;
            }
            try {
                planned.add(new Planned(i, EvidenceClaim.of(s.kind(), Envelope.parse(s.canonicalBytes()).record()).orElseThrow()));
            } catch (SignerException | IllegalArgumentException e) {
                throw new LedgerException(Problem.SCHEMA_VIOLATION, s.kind() + ": cannot tell what it claims: " + e.getMessage(), e);
            }
        }
        if (planned.isEmpty()) {
            return planned;
        }
        lock(c, false);
        Map<String, ClaimValue> pending = new HashMap<>();
        for (Planned p : planned) {
            Claim claimant = new Claim(logId, 0, group.get(p.position()).leafHashHex());
            for (Slot slot : slots(p.target())) {
                ClaimValue value = pending.containsKey(slot.claimKey()) ? pending.get(slot.claimKey()) : stored(c, slot.claimKey());
                for (ClaimValue.Part part : value.claims()) {
                    boolean overlaps = part.first() < 0 || (part.first() <= slot.last() && part.last() >= slot.first());
                    boolean sameEntry = part.claim().logId().equals(logId) && part.claim().leafHashHex().equals(claimant.leafHashHex());
                    if (overlaps && !sameEntry) {
                        throw new LedgerException(Problem.CLAIM_CONFLICT, p.target().describe() + " is already claimed by "
                                + part.claim().describe() + " (claim key " + slot.claimKey() + ")");
                    }
                }
                pending.put(slot.claimKey(), value.with(new ClaimValue.Part(slot.first(), slot.last(), claimant)));
            }
        }
        return planned;
    }

    /** Writes the checked claims with the leaf indexes and hashes the group was sequenced at; a replay writes nothing. */
    public static void record(Connection c, String logId, List<Planned> planned, List<Receipt> receipts) throws SQLException {
        if (planned.isEmpty()) {
            return;
        }
        SparseMerkleMap map = new SparseMerkleMap(new PostgresMapNodeStore(c));
        for (Planned p : planned) {
            Receipt receipt = receipts.get(p.position());
            Claim claim = new Claim(logId, receipt.index(), HexFormat.of().formatHex(receipt.leafHash()));
            for (Slot slot : slots(p.target())) {
                ClaimValue value = stored(c, slot.claimKey());
                if (value.claims().stream().anyMatch(part -> part.claim().equals(claim))) {
                    continue;
                }
                byte[] bytes = value.with(new ClaimValue.Part(slot.first(), slot.last(), claim)).canonicalBytes();
                try (PreparedStatement s = c.prepareStatement("insert into claim_values (claim_key, value) values (?, ?)"
                        + " on conflict (claim_key) do update set value = excluded.value")) {
                    s.setString(1, slot.claimKey());
                    s.setBytes(2, bytes);
                    s.executeUpdate();
                }
                map.put(MapKey.ofClaim(slot.claimKey()), MapHashes.valueHash(bytes));
            }
        }
    }

    /** The claim key's value and map proof against the current root: ClaimProof JSON plus {@code mapRootHash}, {@code mapSize}. */
    public static ObjectNode prove(DataSource dataSource, String claimKey) {
        return StoreException.wrapping(() -> proveInTransaction(dataSource, claimKey));
    }

    private static ObjectNode proveInTransaction(DataSource dataSource, String claimKey) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lock(c, true);
                PostgresMapNodeStore store = new PostgresMapNodeStore(c);
                SparseMerkleMap map = new SparseMerkleMap(store);
                Optional<byte[]> value = storedBytes(c, claimKey);
                ObjectNode json = new ClaimProof(claimKey, value, map.prove(MapKey.ofClaim(claimKey))).toJson();
                json.put("mapRootHash", java.util.Base64.getEncoder().encodeToString(map.rootHash()));
                json.put("mapSize", store.size());
                c.commit();
                return json;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Every map key a claim occupies, with the serials it takes in that key (-1, -1 for a PPA month). */
    private static List<Slot> slots(EvidenceClaim target) {
        List<Slot> slots = new ArrayList<>();
        if (target instanceof EvidenceClaim.GoRange go) {
            for (long block : UniquenessMap.blocks(go.range())) {
                long first = Math.max(go.range().first(), block * UniquenessMap.BLOCK_SIZE);
                long last = Math.min(go.range().last(), block * UniquenessMap.BLOCK_SIZE + UniquenessMap.BLOCK_SIZE - 1);
                slots.add(new Slot(UniquenessMap.goBlockKey(go.range(), block), first, last));
            }
        } else {
            target.claimKeys().forEach(key -> slots.add(new Slot(key, -1, -1)));
        }
        return slots;
    }

    static void lock(Connection c, boolean shared) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(shared ? "select pg_advisory_xact_lock_shared(?)" : "select pg_advisory_xact_lock(?)")) {
            s.setLong(1, MAP_LOCK);
            s.executeQuery().close();
        }
    }

    private static ClaimValue stored(Connection c, String claimKey) throws SQLException {
        return storedBytes(c, claimKey).map(ClaimValue::parse).orElse(new ClaimValue(claimKey, List.of()));
    }

    static Optional<byte[]> storedBytes(Connection c, String claimKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select value from claim_values where claim_key = ?")) {
            s.setString(1, claimKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }
}
