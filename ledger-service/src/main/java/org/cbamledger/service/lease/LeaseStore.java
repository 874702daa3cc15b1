package org.cbamledger.service.lease;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code log_leases} and {@code service_instances} tables. A lease row rather than a session advisory lock:
 * an advisory lock lives as long as one connection, so a pool that recycles connections, or a PostgreSQL failover
 * (the new primary knows nothing of the old one's locks), would drop or silently duplicate it; a row is replicated
 * with the data it guards and carries a fencing token that each write-path transaction can check.
 */
public final class LeaseStore {
    private final DataSource dataSource;
    private final Duration ttl;

    public LeaseStore(DataSource dataSource, Duration ttl) {
        this.dataSource = dataSource;
        this.ttl = ttl;
    }

    Duration ttl() {
        return ttl;
    }

    /**
     * Takes the lease of a log that has no live holder, or extends the caller's own. A takeover from another
     * holder increments the fencing token; the caller's own (even expired, since nobody took it) keeps it.
     */
    public Optional<Lease> acquire(String logId, String holder) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into log_leases (log_id, holder, fencing_token, expires_at)"
                        + " values (?, ?, 1, now() + make_interval(secs => ?))"
                        + " on conflict (log_id) do update set holder = excluded.holder, expires_at = excluded.expires_at,"
                        + " fencing_token = log_leases.fencing_token"
                        + " + case when log_leases.holder = excluded.holder then 0 else 1 end"
                        + " where log_leases.holder = excluded.holder or log_leases.expires_at < now()"
                        + " returning fencing_token")) {
            s.setString(1, logId);
            s.setString(2, holder);
            s.setDouble(3, seconds(ttl));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Lease(logId, holder, r.getLong(1))) : Optional.empty();
            }
        }
    }

    /** Extends a held lease; false when it passed to another holder (the caller must stop writing). */
    public boolean renew(Lease lease) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update log_leases set expires_at = now() + make_interval(secs => ?)"
                        + " where log_id = ? and holder = ? and fencing_token = ?")) {
            s.setDouble(1, seconds(ttl));
            s.setString(2, lease.logId());
            s.setString(3, lease.holder());
            s.setLong(4, lease.fencingToken());
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Ends the tenure: lets another instance take the log at once, and increments the token so that nothing still
     * running under the released lease can write.
     */
    public void release(Lease lease) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update log_leases set holder = '', fencing_token = fencing_token + 1, expires_at = '-infinity'"
                        + " where log_id = ? and holder = ? and fencing_token = ?")) {
            s.setString(1, lease.logId());
            s.setString(2, lease.holder());
            s.setLong(3, lease.fencingToken());
            s.executeUpdate();
        }
    }

    /** Records the instance as live for one more lease time; returns how many instances are live. */
    int heartbeat(String instanceId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // instances killed long ago (every process has a new id) would otherwise stay in the table for ever
            try (PreparedStatement s = c.prepareStatement(
                    "delete from service_instances where seen_until < now() - interval '1 day'")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into service_instances (instance_id, seen_until)"
                    + " values (?, now() + make_interval(secs => ?))"
                    + " on conflict (instance_id) do update set seen_until = excluded.seen_until")) {
                s.setString(1, instanceId);
                s.setDouble(2, seconds(ttl));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("select count(*) from service_instances where seen_until > now()");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    void leave(String instanceId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("delete from service_instances where instance_id = ?")) {
            s.setString(1, instanceId);
            s.executeUpdate();
        }
    }

    /** Every log's id and whether someone other than {@code holder} holds it live. */
    List<LogHolding> holdings(String holder) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select l.log_id, k.holder is not null and k.holder <> ? and k.expires_at > now()"
                        + " from logs l left join log_leases k on k.log_id = l.log_id order by l.log_id")) {
            s.setString(1, holder);
            try (ResultSet r = s.executeQuery()) {
                List<LogHolding> result = new ArrayList<>();
                while (r.next()) {
                    result.add(new LogHolding(r.getString(1), r.getBoolean(2)));
                }
                return result;
            }
        }
    }

    record LogHolding(String logId, boolean heldByOther) {}

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
