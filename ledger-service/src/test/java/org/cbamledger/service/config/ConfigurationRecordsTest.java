package org.cbamledger.service.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.cbamledger.archive.RetentionPolicy;
import org.cbamledger.service.documents.ArchiveConfiguration;
import org.cbamledger.service.documents.ArchiveSettings;
import org.cbamledger.service.index.IndexConfiguration;
import org.cbamledger.service.room.RoomRateLimitConfiguration;
import org.cbamledger.service.support.RunningService;
import org.junit.jupiter.api.Test;

/** Every {@code cbam.*} record binds from properties, and a bad value fails startup naming its property. */
class ConfigurationRecordsTest {

    @Test
    void records_bindFromProperties_withDefaultsForWhatIsNotSet() throws Exception {
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("cbam.ledger.max-batch", 250),
                Map.entry("cbam.cluster.lease-ttl", "7s"),
                Map.entry("cbam.archive.connect-timeout", "1500ms"),
                Map.entry("cbam.archive.read-timeout", "4s"),
                Map.entry("cbam.archive.retention-mode", "NONE"),
                Map.entry("cbam.rooms.rate-limit.burst", 12),
                Map.entry("cbam.rooms.rate-limit.per-second", "2.5"),
                Map.entry("cbam.witness.retry-interval", "3s"),
                Map.entry("cbam.tsa.interval", "4s"));
        try (RunningService service = RunningService.start(properties)) {
            var context = service.context();
            assertEquals(Path.of(service.dataDir().toString()).toAbsolutePath(),
                    context.getBean(DataConfiguration.class).path());

            DatabaseConfiguration db = context.getBean(DatabaseConfiguration.class);
            assertEquals(6, db.poolSize());
            assertEquals("postgres", db.user());

            LedgerConfiguration ledger = context.getBean(LedgerConfiguration.class);
            assertEquals(250, ledger.maxBatch());
            assertEquals(10_000, ledger.queueCapacity());
            assertEquals(Duration.ofMillis(200), ledger.checkpointInterval());

            assertEquals(Duration.ofSeconds(7), context.getBean(ClusterConfiguration.class).leaseTtl());
            assertEquals(Duration.ZERO, context.getBean(IndexConfiguration.class).commitInterval());

            ArchiveConfiguration archive = context.getBean(ArchiveConfiguration.class);
            assertEquals("cbam-documents", archive.bucket());
            ArchiveSettings settings = context.getBean(ArchiveSettings.class);
            assertEquals(Duration.ofMillis(1500), settings.connectTimeout());
            assertEquals(Duration.ofSeconds(4), settings.readTimeout());
            assertEquals(RetentionPolicy.NONE, settings.retention());
            assertEquals(service.dataDir().toAbsolutePath().resolve("spool"), settings.spoolDir());

            RoomRateLimitConfiguration rooms = context.getBean(RoomRateLimitConfiguration.class);
            assertEquals(12, rooms.burst());
            assertEquals(2.5, rooms.perSecond());

            assertEquals(Duration.ofSeconds(3), context.getBean(WitnessConfiguration.class).retryInterval());
            assertEquals(Duration.ofSeconds(10), context.getBean(WitnessConfiguration.class).bundleWait());
            assertEquals(Duration.ofSeconds(4), context.getBean(TsaConfiguration.class).interval());
        }
    }

    @Test
    void defaults_areTheDocumentedOnes() throws Exception {
        try (RunningService service = RunningService.start(Map.of())) {
            var context = service.context();
            assertEquals(Duration.ofSeconds(5), context.getBean(ClusterConfiguration.class).leaseTtl());
            ArchiveSettings settings = context.getBean(ArchiveSettings.class);
            assertEquals(Duration.ofSeconds(2), settings.connectTimeout());
            assertEquals(Duration.ofSeconds(5), settings.readTimeout());
            assertEquals(new RetentionPolicy(RetentionPolicy.Mode.GOVERNANCE, 3650), settings.retention());
            RoomRateLimitConfiguration rooms = context.getBean(RoomRateLimitConfiguration.class);
            assertEquals(30, rooms.burst());
            assertEquals(5.0, rooms.perSecond());
        }
    }

    @Test
    void aNegativeCommitInterval_failsStartup_namingTheProperty() {
        assertStartupFails(Map.of("cbam.index.commit-interval", "-1s"), "cbam.index.commit-interval");
    }

    @Test
    void aZeroArchiveReadTimeout_failsStartup_namingTheProperty() {
        assertStartupFails(Map.of("cbam.archive.read-timeout", "0s"), "cbam.archive.read-timeout");
    }

    @Test
    void aNegativeLeaseTtl_failsStartup_namingTheProperty() {
        assertStartupFails(Map.of("cbam.cluster.lease-ttl", "-5s"), "cbam.cluster.lease-ttl");
    }

    @Test
    void aZeroRoomRate_failsStartup_namingTheProperty() {
        assertStartupFails(Map.of("cbam.rooms.rate-limit.per-second", "0"), "cbam.rooms.rate-limit.per-second");
    }

    private static void assertStartupFails(Map<String, Object> properties, String property) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> RunningService.start(properties).close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains(property + " must be"), "names " + property + ":\n" + messages);
    }
}
