package org.cbamledger.service.db;

import com.zaxxer.hikari.HikariConfig;

/**
 * Pool settings that let the service ride through a PostgreSQL failover (Patroni promoting the synchronous
 * standby) with a multi-host URL {@code jdbc:postgresql://h1:p1,h2:p2,h3:p3/db?targetServerType=primary}:
 * requests that need a connection while there is no primary fail within seconds (503 + Retry-After at the HTTP
 * edge) instead of hanging, broken connections are dropped (Hikari evicts on SQLState class 08), and new ones go
 * to whichever host is primary now.
 */
final class FailoverPool {
    /** Hikari's default is 30 s: a client would wait that long for a 503 during a failover. */
    private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;
    private static final long VALIDATION_TIMEOUT_MILLIS = 1_000;
    /** Idle connections are tested this often, so a dead primary's connections are gone before a request needs one. */
    private static final long KEEPALIVE_MILLIS = 30_000;

    private FailoverPool() {}

    static void configure(HikariConfig config) {
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(VALIDATION_TIMEOUT_MILLIS);
        config.setKeepaliveTime(KEEPALIVE_MILLIS);
        // pgjdbc: give up on an unreachable host quickly; re-ask the hosts which one is primary every second
        // (default 10 s) so the promoted standby is found soon; a partitioned (not reset) socket fails in 60 s.
        config.addDataSourceProperty("connectTimeout", "3");
        config.addDataSourceProperty("hostRecheckSeconds", "1");
        config.addDataSourceProperty("socketTimeout", "60");
        config.addDataSourceProperty("tcpKeepAlive", "true");
    }
}
