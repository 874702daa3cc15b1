package org.cbamledger.service.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.cbamledger.archive.ArchiveException;
import org.cbamledger.service.auth.TokenAuthority;
import org.cbamledger.service.bundle.BundleExporter;
import org.cbamledger.service.claims.ClaimProofExport;
import org.cbamledger.service.claims.DeploymentClaims;
import org.cbamledger.service.db.Database;
import org.cbamledger.service.documents.AnchoredDocuments;
import org.cbamledger.service.documents.ArchiveConfiguration;
import org.cbamledger.service.documents.ArchiveSettings;
import org.cbamledger.service.documents.DocumentService;
import org.cbamledger.service.documents.LogDocuments;
import org.cbamledger.service.index.EntryIndexStore;
import org.cbamledger.service.index.IndexCommitter;
import org.cbamledger.service.index.IndexConfiguration;
import org.cbamledger.service.index.IndexSchedule;
import org.cbamledger.service.lease.LeaseStore;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.store.DeviceStore;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.store.KeyStore;
import org.cbamledger.service.log.Ledger;
import org.cbamledger.service.log.LogReader;
import org.cbamledger.service.store.LogStore;
import org.cbamledger.service.tiles.TileReader;
import org.cbamledger.service.store.TreeStore;
import org.cbamledger.service.room.RoomAccess;
import org.cbamledger.service.room.RoomContents;
import org.cbamledger.service.room.RoomRateLimitConfiguration;
import org.cbamledger.service.room.RoomStore;
import org.cbamledger.service.room.scope.RoomIndexStore;
import org.cbamledger.service.statement.StatementIntake;
import org.cbamledger.service.web.RoomPages;
import org.cbamledger.service.web.StatementViewPreparer;
import org.cbamledger.service.statement.StatementStore;
import org.cbamledger.service.witness.CheckpointTimestamper;
import org.cbamledger.service.witness.CheckpointWitnessing;
import org.cbamledger.service.witness.CosignatureStore;
import org.cbamledger.service.witness.TimestampStore;
import org.cbamledger.service.witness.WitnessedCheckpoints;
import org.cbamledger.service.witness.WitnessingSettings;

/**
 * Wires the plain domain classes from the configuration records, one per concern: {@link DataConfiguration},
 * {@link DatabaseConfiguration}, {@link LedgerConfiguration}, {@link ClusterConfiguration},
 * {@link ArchiveConfiguration}, {@link IndexConfiguration}, {@link RoomRateLimitConfiguration},
 * {@link WitnessConfiguration}, {@link TsaConfiguration} and {@link TileConfiguration}.
 */
@Factory
public class ServiceFactory {

    @Singleton
    @Named("dataDir")
    Path dataDir(DataConfiguration data) {
        return data.path();
    }

    @Context
    @Bean(preDestroy = "close")
    Database database(@Named("dataDir") Path dataDir, DatabaseConfiguration db) throws IOException {
        return Database.open(db.settings(dataDir));
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    WitnessingSettings witnessingSettings(WitnessConfiguration witness, TsaConfiguration tsa) throws IOException {
        return WitnessingSettingsFactory.of(witness, tsa);
    }

    @Singleton
    WitnessedCheckpoints witnessedCheckpoints(WitnessingSettings settings, CheckpointStore checkpoints, Database database) {
        return new WitnessedCheckpoints(settings, checkpoints, new CosignatureStore(database.dataSource()),
                new TimestampStore(database.dataSource()));
    }

    @Context
    @Bean(preDestroy = "close")
    CheckpointWitnessing checkpointWitnessing(WitnessingSettings settings, Database database, TreeStore tree,
            WitnessedCheckpoints witnessed) {
        return new CheckpointWitnessing(settings, new CosignatureStore(database.dataSource()), tree, witnessed);
    }

    @Context
    @Bean(preDestroy = "close")
    CheckpointTimestamper checkpointTimestamper(WitnessingSettings settings, WitnessedCheckpoints witnessed,
            Database database) {
        return new CheckpointTimestamper(settings, witnessed, new TimestampStore(database.dataSource()));
    }

    @Context
    @Bean(preDestroy = "close")
    Ledger ledger(
            Database database,
            Clock clock,
            CheckpointWitnessing witnessing,
            CheckpointTimestamper timestamper,
            LedgerConfiguration config,
            ClusterConfiguration cluster) throws SQLException {
        Ledger ledger = new Ledger(database.dataSource(), config.settings(), clock,
                new LeaseStore(database.dataSource(), cluster.leaseTtl()), DeploymentClaims.SEQUENCING);
        ledger.addCheckpointListener(witnessing);
        ledger.addCheckpointListener(timestamper);
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
    LogReader logReader(LogStore logs, EntryStore entries, TileReader tiles) {
        return new LogReader(logs, entries, tiles);
    }

    @Singleton
    TileReader tileReader(CheckpointStore checkpoints, EntryStore entries, TreeStore tree, TileConfiguration config) {
        return new TileReader(checkpoints, entries, tree, config.cacheBytes());
    }

    @Singleton
    BundleExporter bundleExporter(EntryStore entries, TreeStore tree, CheckpointStore checkpoints, Database database,
            DocumentService documents, WitnessedCheckpoints witnessed, LogDocuments held) {
        return new BundleExporter(entries, tree, checkpoints,
                new ClaimProofExport(database.dataSource()),
                new AnchoredDocuments(documents, held))
                .withEvidence(witnessed);
    }

    @Singleton
    LogDocuments logDocuments(Database database, Clock clock) {
        return new LogDocuments(database.dataSource(), clock);
    }

    /** {@code cbam.archive.*}: no endpoint starts an embedded S3 server on {@code <data-dir>/objects}. */
    @Singleton
    ArchiveSettings archiveSettings(@Named("dataDir") Path dataDir, ArchiveConfiguration archive) throws IOException {
        return archive.settings(dataDir);
    }

    @Context
    @Bean(preDestroy = "close")
    DocumentService documentService(ArchiveSettings settings, Clock clock) throws ArchiveException, IOException {
        return DocumentService.open(settings, clock);
    }

    /** Also the bundle's {@link org.cbamledger.service.bundle.StatementSource}. */
    @Singleton
    StatementStore statementStore(Database database) {
        return new StatementStore(database.dataSource());
    }

    /** Tells {@link StatementViewPreparer} of each statement it stores. */
    @Singleton
    StatementIntake statementIntake(Database database, CheckpointStore checkpoints, EntryStore entries,
            StatementStore statements, Clock clock, StatementViewPreparer views) {
        return new StatementIntake(new KeyStore(database.dataSource()), checkpoints, entries, statements, clock, views);
    }

    /** The room web view's stored bodies (issue 14), shared by the view and the statement intake. */
    @Singleton
    RoomPages roomPages(Database database) {
        return new RoomPages(database.dataSource());
    }

    @Singleton
    StatementViewPreparer statementViewPreparer(RoomPages pages, RoomContents contents, CheckpointStore checkpoints,
            StatementStore statements, EntryIndexStore index, RoomIndexStore roomIndex) {
        return new StatementViewPreparer(pages, contents, checkpoints, statements, index, roomIndex);
    }

    @Singleton
    EntryIndexStore entryIndexStore(Database database, EntryStore entries, RoomIndexStore roomIndex) {
        return new EntryIndexStore(database.dataSource(), entries, List.of(roomIndex));
    }

    @Singleton
    RoomIndexStore roomIndexStore(Database database) {
        return new RoomIndexStore(database.dataSource());
    }

    @Singleton
    IndexCommitter indexCommitter(EntryIndexStore index, CheckpointStore checkpoints, Ledger ledger) {
        return new IndexCommitter(index, checkpoints, ledger);
    }

    @Context
    @Bean(preDestroy = "close")
    IndexSchedule indexSchedule(IndexCommitter committer, LogStore logs, IndexConfiguration index) {
        return new IndexSchedule(committer, logs, index.commitInterval());
    }

    @Singleton
    RoomStore roomStore(Database database) {
        return new RoomStore(database.dataSource());
    }

    @Singleton
    RoomContents roomContents(EntryStore entries, StatementStore statements, CheckpointStore checkpoints,
            EntryIndexStore index, RoomIndexStore roomIndex) {
        return new RoomContents(entries, statements, checkpoints, index, roomIndex);
    }

    /** At startup, so that a bad {@code cbam.rooms.rate-limit} fails it. */
    @Context
    @Bean(preDestroy = "close")
    RoomAccess roomAccess(RoomStore rooms, Ledger ledger, Clock clock, RoomRateLimitConfiguration rateLimit) {
        return new RoomAccess(rooms, ledger, clock, rateLimit);
    }
}
