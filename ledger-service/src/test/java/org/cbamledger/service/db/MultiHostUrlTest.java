package org.cbamledger.service.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.cbamledger.service.support.SharedPostgres;
import org.junit.jupiter.api.Test;

/** The multi-host URL of a Patroni cluster: a dead host is skipped; waiting for a connection is bounded. */
class MultiHostUrlTest {

    @Test
    void multiHostUrl_skipsADeadHost_andMigratesTheLiveOne() throws Exception {
        int port = SharedPostgres.server().getPort();
        String url = SharedPostgres.newDatabase().replace("localhost:" + port, "127.0.0.1:" + deadPort() + ",127.0.0.1:" + port)
                + "&targetServerType=primary";
        try (Database database = Database.open(new DatabaseSettings(url, "postgres", "", null, 2));
                Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from log_leases")) {
            assertTrue(r.next());
            assertEquals(0, r.getLong(1), "migrated, leases table included");
        }
    }

    @Test
    void noConnectionToBeHad_failsWithinTheConnectionTimeout_asAnSqlExceptionTheEdgeAnswers503() throws Exception {
        try (Database database = Database.open(new DatabaseSettings(SharedPostgres.newDatabase(), "postgres", "", null, 2));
                Connection first = database.dataSource().getConnection();
                Connection second = database.dataSource().getConnection()) {
            long started = System.nanoTime();
            assertThrows(SQLException.class, () -> database.dataSource().getConnection().close());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(4)) > 0 && took.compareTo(Duration.ofSeconds(15)) < 0,
                    "gave up after " + took + " (Hikari's default would wait 30 s)");
        }
    }

    /** A loopback port nobody listens on (bound, then closed). */
    private static int deadPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
