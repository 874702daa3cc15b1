package org.cbamledger.service.room.scope;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A log's entries below a tree size as the scope rules look them up: by index, by leaf hash, by the keys a rule can
 * find them under ({@link ScopeKeys}), and by the record references they carry. The service answers from the room
 * index in PostgreSQL ({@link RoomIndexStore}); nothing here walks the log.
 */
public interface ScopeSource {
    /** The entries at these indexes, of those the log has (below its size); one lookup for them all. */
    Map<Long, ScopeEntry> at(Collection<Long> indexes) throws SQLException;

    /** The entry at {@code index}, or null when the log has none there. */
    default ScopeEntry at(long index) throws SQLException {
        return at(List.of(index)).get(index);
    }

    /** The first entry with this leaf hash (lowercase hex), or null. */
    Long indexOfLeafHash(String leafHashHex) throws SQLException;

    /** The indexes of the entries found under one of {@code keys}. */
    Set<Long> under(Collection<String> keys) throws SQLException;

    /** The entries whose record a document-anchor's {@code recordRef} may name by {@code ref}. */
    Set<Long> holding(String ref) throws SQLException;

    /**
     * The reading batches, not corrections, of these meters with an interval inside [from, to] ({@link SeriesDays}):
     * what the readings rule of {@link ScopeRules} takes of them. Null when the source keeps no such index: the fixed
     * point then finds them under their meter keys and judges them one by one.
     */
    default ScopeReadings readings(Collection<String> meterIds, LocalDate from, LocalDate to) throws SQLException {
        return null;
    }
}
