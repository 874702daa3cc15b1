package org.cbamledger.service.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.cbamledger.service.auth.TokenAuthority;
import org.cbamledger.service.bundle.BundleExporter;
import org.cbamledger.service.db.Database;
import org.cbamledger.service.db.DatabaseSettings;
import org.cbamledger.service.log.CheckpointStore;
import org.cbamledger.service.log.DeviceStore;
import org.cbamledger.service.log.EntryStore;
import org.cbamledger.service.log.KeyStore;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.log.LedgerSettings;
import org.cbamledger.service.log.LogReader;
import org.cbamledger.service.log.LogStore;
import org.cbamledger.service.log.TileReader;
import org.cbamledger.service.log.TreeStore;
import org.cbamledger.service.statement.StatementIntake;
import org.cbamledger.service.statement.StatementStore;

/**
 * Wires the plain domain classes from configuration:
 * {@code cbam.data-dir} (default ./var), {@code cbam.db.url|user|password|pool-size} (no URL: embedded
 * PostgreSQL in {@code cbam.db.embedded-dir}, default {@code <data-dir>/pg}), {@code cbam.ledger.queue-capacity},
 * {@code cbam.ledger.max-batch}, {@code cbam.ledger.checkpoint-interval}.
 */
@Factory
public class ServiceFactory {

    @Singleton
    @Named("dataDir")
    Path dataDir(@Value("${cbam.data-dir:./var}") String dataDir) {
        return Path.of(dataDir).toAbsolutePath();
    }

    @Context
    @Bean(preDestroy = "close")
    Database database(
            @Named("dataDir") Path dataDir,
            @Value("${cbam.db.url:}") String url,
            @Value("${cbam.db.user:postgres}") String user,
            @Value("${cbam.db.password:}") String password,
            @Value("${cbam.db.embedded-dir:}") String embeddedDir,
            @Value("${cbam.db.pool-size:10}") int poolSize) throws IOException {
        Path pgDir = embeddedDir.isBlank() ? dataDir.resolve("pg") : Path.of(embeddedDir).toAbsolutePath();
        return Database.open(new DatabaseSettings(url, user, password, pgDir, poolSize));
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Context
    @Bean(preDestroy = "close")
    Ledger ledger(
            Database database,
            Clock clock,
            @Value("${cbam.ledger.queue-capacity:10000}") int queueCapacity,
            @Value("${cbam.ledger.max-batch:1000}") int maxBatch,
            @Value("${cbam.ledger.checkpoint-interval:200ms}") Duration checkpointInterval) throws SQLException {
        Ledger ledger = new Ledger(database.dataSource(), new LedgerSettings(queueCapacity, maxBatch, checkpointInterval), clock);
        ledger.start();
        return ledger;
    }

    @Context
    TokenAuthority tokenAuthority(@Named("dataDir") Path dataDir, Clock clock) throws IOException {
        return TokenAuthority.loadOrCreate(dataDir, clock);
    }

    @Singleton
    LogStore logStore(Database database) {
        return new LogStore(database.dataSource());
    }

    @Singleton
    EntryStore entryStore(Database database) {
        return new EntryStore(database.dataSource());
    }

    @Singleton
    TreeStore treeStore(Database database) {
        return new TreeStore(database.dataSource());
    }

    @Singleton
    CheckpointStore checkpointStore(Database database) {
        return new CheckpointStore(database.dataSource());
    }

    @Singleton
    DeviceStore deviceStore(Database database) {
        return new DeviceStore(database.dataSource());
    }

    @Singleton
    LogReader logReader(LogStore logs, EntryStore entries, TreeStore tree) {
        return new LogReader(logs, entries, tree);
    }

    @Singleton
    TileReader tileReader(CheckpointStore checkpoints, EntryStore entries, TreeStore tree) {
        return new TileReader(checkpoints, entries, tree);
    }

    @Singleton
    BundleExporter bundleExporter(EntryStore entries, TreeStore tree, CheckpointStore checkpoints) {
        return new BundleExporter(entries, tree, checkpoints);
    }

    /** Also the bundle's {@link org.cbamledger.service.bundle.StatementSource}. */
    @Singleton
    StatementStore statementStore(Database database) {
        return new StatementStore(database.dataSource());
    }

    @Singleton
    StatementIntake statementIntake(Database database, CheckpointStore checkpoints, EntryStore entries,
            StatementStore statements, Clock clock) {
        return new StatementIntake(new KeyStore(database.dataSource()), checkpoints, entries, statements, clock);
    }
}
