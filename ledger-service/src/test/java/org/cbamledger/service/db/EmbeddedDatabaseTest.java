package org.cbamledger.service.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.cbamledger.service.bundle.DirectoryZip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service's own embedded PostgreSQL: durable settings, and a start over a pid file a dead server left. */
class EmbeddedDatabaseTest {
    private Path dataDir;

    @BeforeEach
    void createDir() throws Exception {
        dataDir = Files.createTempDirectory("embedded-pg-");
    }

    @AfterEach
    void deleteDir() throws Exception {
        DirectoryZip.deleteTree(dataDir);
    }

    @Test
    void embeddedServer_runsWithFsyncSynchronousCommitAndFullPageWrites() throws Exception {
        try (Database db = Database.open(settings())) {
            assertEquals("on", show(db, "fsync"), "zonky's -F must not turn fsync off");
            assertEquals("on", show(db, "synchronous_commit"));
            assertEquals("on", show(db, "full_page_writes"));
        }
    }

    @Test
    void pidFileNamingALiveProcessThatIsNoPostgresOfTheDirectory_isRemoved_andTheServerStartsWithin15s()
            throws Exception {
        try (Database db = Database.open(settings())) {
            assertEquals("on", show(db, "fsync"));
        }
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            // what a SIGKILLed server's pid file looks like after its pid went to another process
            Files.writeString(dataDir.resolve("pg").resolve(LeftoverPostmaster.PID_FILE), unrelated.pid() + "\n" + dataDir.resolve("pg")
                    + "\n1764950000\n5432\n/tmp\nlocalhost\n  5432001    131072\nready   \n");
            long started = System.nanoTime();
            try (Database db = Database.open(settings())) {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertEquals("on", show(db, "fsync"));
                assertTrue(took.toSeconds() < 15, "started in " + took.toMillis() + " ms");
            }
            assertTrue(unrelated.isAlive(), "a process that is no postgres of the directory is left alone");
        } finally {
            unrelated.destroyForcibly();
        }
    }

    private DatabaseSettings settings() {
        return new DatabaseSettings("", "postgres", "", dataDir.resolve("pg"), 2);
    }

    private static String show(Database db, String setting) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("show " + setting)) {
            r.next();
            return r.getString(1);
        }
    }
}
