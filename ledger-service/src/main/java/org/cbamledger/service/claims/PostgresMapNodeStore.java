package org.cbamledger.service.claims;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cbamledger.signer.map.MapKey;
import org.cbamledger.signer.map.MapNodeStore;

/**
 * The claim map's nodes in PostgreSQL ({@code claim_map_leaves}, {@code claim_map_branches}, V3 migration), read and
 * written on the caller's connection so a claim commits or rolls back with the entry that makes it. PostgreSQL
 * compares {@code bytea} bytewise unsigned, as {@link MapKey#compareTo} does.
 */
final class PostgresMapNodeStore implements MapNodeStore {
    private final Connection connection;

    PostgresMapNodeStore(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<byte[]> valueHash(MapKey key) {
        return single("select value_hash from claim_map_leaves where map_key = ?", key.bytes());
    }

    @Override
    public void putLeaf(MapKey key, byte[] valueHash) {
        update("insert into claim_map_leaves (map_key, value_hash) values (?, ?)"
                + " on conflict (map_key) do update set value_hash = excluded.value_hash", key.bytes(), valueHash);
    }

    @Override
    public List<MapKey> leavesBetween(MapKey first, MapKey last, int limit) {
        try (PreparedStatement s = connection.prepareStatement(
                "select map_key from claim_map_leaves where map_key between ? and ? order by map_key limit ?")) {
            s.setBytes(1, first.bytes());
            s.setBytes(2, last.bytes());
            s.setInt(3, limit);
            List<MapKey> keys = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keys.add(new MapKey(r.getBytes(1)));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new ClaimStoreException(e);
        }
    }

    @Override
    public Optional<byte[]> branchHash(int depth, MapKey subtreeFirst) {
        try (PreparedStatement s = connection.prepareStatement(
                "select hash from claim_map_branches where depth = ? and subtree_first = ?")) {
            s.setInt(1, depth);
            s.setBytes(2, subtreeFirst.bytes());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ClaimStoreException(e);
        }
    }

    @Override
    public void putBranch(int depth, MapKey subtreeFirst, byte[] hash) {
        try (PreparedStatement s = connection.prepareStatement("insert into claim_map_branches (depth, subtree_first, hash)"
                + " values (?, ?, ?) on conflict (depth, subtree_first) do update set hash = excluded.hash")) {
            s.setInt(1, depth);
            s.setBytes(2, subtreeFirst.bytes());
            s.setBytes(3, hash);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new ClaimStoreException(e);
        }
    }

    @Override
    public long size() {
        try (PreparedStatement s = connection.prepareStatement("select count(*) from claim_map_leaves");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new ClaimStoreException(e);
        }
    }

    private Optional<byte[]> single(String sql, byte[] key) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setBytes(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new ClaimStoreException(e);
        }
    }

    private void update(String sql, byte[] a, byte[] b) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setBytes(1, a);
            s.setBytes(2, b);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new ClaimStoreException(e);
        }
    }

    /** The map store interface has no checked exception; the sequencer sees this as a failed batch. */
    static final class ClaimStoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimStoreException(SQLException cause) {
            super("claim map store: " + cause.getMessage(), cause);
        }
    }
}
