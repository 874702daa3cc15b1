package org.cbamledger.service.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The service's PostgreSQL: an external server when a JDBC URL is configured, otherwise an embedded
 * one whose data directory survives restarts. Migrated by Flyway before first use.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());
    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;

    private Database(EmbeddedPostgres embedded, HikariDataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
    }

    public static Database open(DatabaseSettings settings) throws IOException {
        EmbeddedPostgres embedded = null;
        String url = settings.jdbcUrl();
        String user = settings.user();
        String password = settings.password();
        if (url == null || url.isBlank()) {
            embedded = startEmbedded(settings.embeddedDataDir());
            url = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("cbam-ledger");
        FailoverPool.configure(config);
        // pgjdbc sends a batch of n inserts as multi-row inserts (n / 128 statements) instead of n statements: the
        // write path's entries, device batches, tree hashes and index rows are batches of hundreds of rows. Two things
        // follow: executeBatch answers SUCCESS_NO_INFO, not a count per row (no caller reads them), and an
        // "on conflict do update" would fail on a key twice in one batch (every batch insert here does nothing)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        return new Database(embedded, dataSource);
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        LeftoverPostmaster.clear(dataDir);
        long startingAt = System.nanoTime();
        EmbeddedPostgres started = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Durability is what the ledger sells. zonky puts -F (fsync off) and synchronous_commit=off on the
                // postgres command line; a later -c of the same setting wins, and every -c follows its -F.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        LOG.info("embedded PostgreSQL on " + dataDir + " serving on port " + started.getPort() + " after "
                + Duration.ofNanos(System.nanoTime() - startingAt).toMillis() + " ms");
        return started;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
