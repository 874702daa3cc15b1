package org.cbamledger.service.room;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.cbamledger.service.room.scope.RoomDefinition;

/** Rooms and their grants in PostgreSQL (V4__rooms.sql). */
public final class RoomStore {
    private static final String ROOM_COLUMNS =
            "room_id, log_id, name, installation_id, period_from, period_to, cn_codes, created_by, created_at";
    private static final String GRANT_COLUMNS = "room_id, party_id, role, scopes, granted_by, granted_at, revoked_at";

    private final DataSource dataSource;

    public RoomStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void insert(RoomDefinition room) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into rooms (" + ROOM_COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, room.roomId());
            s.setString(2, room.logId());
            s.setString(3, room.name());
            s.setString(4, room.installationId());
            s.setDate(5, Date.valueOf(room.periodFrom()));
            s.setDate(6, Date.valueOf(room.periodTo()));
            s.setArray(7, c.createArrayOf("text", room.cnCodes().toArray()));
            s.setString(8, room.createdBy());
            s.setTimestamp(9, Timestamp.from(room.createdAt()));
            s.executeUpdate();
        }
    }

    public Optional<RoomDefinition> find(String roomId) throws SQLException {
        List<RoomDefinition> found = rooms("select " + ROOM_COLUMNS + " from rooms where room_id = ?", roomId);
        return found.stream().findFirst();
    }

    public List<RoomDefinition> ofLog(String logId) throws SQLException {
        return rooms("select " + ROOM_COLUMNS + " from rooms where log_id = ? order by created_at, room_id", logId);
    }

    /** Creates the grant, or replaces its scopes and lifts a revocation. */
    public RoomGrant grant(RoomGrant grant) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("insert into room_grants (" + GRANT_COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, null) on conflict (room_id, party_id, role) do update set"
                        + " scopes = excluded.scopes, granted_by = excluded.granted_by,"
                        + " granted_at = excluded.granted_at, revoked_at = null")) {
            s.setString(1, grant.roomId());
            s.setString(2, grant.partyId());
            s.setString(3, grant.role().wireName());
            s.setArray(4, c.createArrayOf("text", grant.scopes().stream().map(GrantScope::wireName).sorted().toArray()));
            s.setString(5, grant.grantedBy());
            s.setTimestamp(6, Timestamp.from(grant.grantedAt()));
            s.executeUpdate();
        }
        return grant;
    }

    /** @return false when no such grant holds */
    public boolean revoke(String roomId, String partyId, GrantRole role, Instant at) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update room_grants set revoked_at = ?"
                        + " where room_id = ? and party_id = ? and role = ? and revoked_at is null")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, roomId);
            s.setString(3, partyId);
            s.setString(4, role.wireName());
            return s.executeUpdate() == 1;
        }
    }

    /** Every grant of a room, revoked ones included. */
    public List<RoomGrant> grantsOf(String roomId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + GRANT_COLUMNS
                        + " from room_grants where room_id = ? order by party_id, role")) {
            s.setString(1, roomId);
            return grants(s);
        }
    }

    /** The active grants held by any of these parties in their roles. */
    public List<RoomGrant> activeGrantsOf(Collection<PartyRole> parties) throws SQLException {
        List<RoomGrant> found = new ArrayList<>();
        if (parties.isEmpty()) {
            return found;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + GRANT_COLUMNS + " from room_grants"
                        + " where party_id = ? and role = ? and revoked_at is null order by granted_at, room_id")) {
            for (PartyRole party : parties) {
                s.setString(1, party.partyId());
                s.setString(2, party.role().wireName());
                found.addAll(grants(s));
            }
        }
        return found;
    }

    private List<RoomDefinition> rooms(String sql, String key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            List<RoomDefinition> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new RoomDefinition(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getDate(5).toLocalDate(), r.getDate(6).toLocalDate(), new TreeSet<>(texts(r.getArray(7))),
                            r.getString(8), r.getTimestamp(9).toInstant()));
                }
            }
            return found;
        }
    }

    private static List<RoomGrant> grants(PreparedStatement s) throws SQLException {
        List<RoomGrant> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Set<GrantScope> scopes = EnumSet.noneOf(GrantScope.class);
                for (String scope : texts(r.getArray(4))) {
                    scopes.add(GrantScope.fromWire(scope));
                }
                Timestamp revoked = r.getTimestamp(7);
                found.add(new RoomGrant(r.getString(1), r.getString(2), GrantRole.fromWire(r.getString(3)), scopes,
                        r.getString(5), r.getTimestamp(6).toInstant(), revoked == null ? null : revoked.toInstant()));
            }
        }
        return found;
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
