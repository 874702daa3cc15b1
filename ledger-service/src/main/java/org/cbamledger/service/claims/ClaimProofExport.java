package org.cbamledger.service.claims;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.cbamledger.calculation.electricity.EvidenceClaim;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.map.ClaimProof;
import org.cbamledger.signer.map.MapKey;
import org.cbamledger.signer.map.SparseMerkleMap;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.BundleWriter;
import org.cbamledger.verifier.check.UniquenessCheck;

/**
 * Writes a bundle's {@code uniqueness/} files (BUNDLE.md, "Uniqueness proofs"): the deployment claim map's
 * checkpoint signed by the log's note key for origin {@code <origin>/claims}, and one ClaimProof per claim key of
 * every bundled go-cancellation and supply-settlement entry, all against the same map root.
 */
public final class ClaimProofExport {
    private final DataSource dataSource;

    public ClaimProofExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes nothing when no bundled entry claims anything. */
    public void write(LogInfo log, Collection<StoredEntry> bundled, BundleWriter writer) throws SQLException, IOException {
        TreeSet<String> claimKeys = new TreeSet<>();
        for (StoredEntry e : bundled) {
            if (!Kinds.CLAIMING.contains(e.kind())) {
                continue;
            }
            try {
                EvidenceClaim.of(e.kind(), Envelope.parse(e.envelope()).record())
                        .ifPresent(claim -> claimKeys.addAll(claim.claimKeys()));
            } catch (SignerException | IllegalArgumentException ex) {
                // the sequencer refused unreadable claims; an entry that still cannot be read has no proof to export
            }
        }
        if (claimKeys.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                DeploymentClaims.lock(c, true);
                PostgresMapNodeStore store = new PostgresMapNodeStore(c);
                SparseMerkleMap map = new SparseMerkleMap(store);
                String body = new Checkpoint(UniquenessCheck.mapOrigin(log.origin()), store.size(), map.rootHash(), List.of()).body();
                write(writer, UniquenessCheck.MAP_CHECKPOINT, NoteSigner.sign(body, log.noteSigner()));
                for (String key : claimKeys) {
                    Optional<byte[]> value = DeploymentClaims.storedBytes(c, key);
                    ClaimProof proof = new ClaimProof(key, value, map.prove(MapKey.ofClaim(key)));
                    write(writer, UniquenessCheck.proofFile(key), proof.toJson().toString());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void write(BundleWriter writer, String file, String text) throws IOException {
        writer.addUniquenessFile(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
