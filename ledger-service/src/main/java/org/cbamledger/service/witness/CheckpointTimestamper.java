package org.cbamledger.service.witness;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cbamledger.service.log.CheckpointListener;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.signer.Rfc3161;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Timestamps each log's newest witnessed checkpoint (the newest checkpoint when no witnesses are configured) at
 * most once per interval, from the first configured TSA that answers with a token that verifies against the
 * configured TSA certificates; stores the token.
 */
public final class CheckpointTimestamper implements CheckpointListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointTimestamper.class);

    private final WitnessingSettings settings;
    private final WitnessedCheckpoints witnessed;
    private final TimestampStore timestamps;
    private final Map<String, StoredCheckpoint> latest = new ConcurrentHashMap<>();
    private final Map<String, Long> stamped = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final SecureRandom random = new SecureRandom();
    private final Thread thread;

    public CheckpointTimestamper(WitnessingSettings settings, WitnessedCheckpoints witnessed, TimestampStore timestamps) {
        this.settings = settings;
        this.witnessed = witnessed;
        this.timestamps = timestamps;
        this.thread = settings.tsaUrls().isEmpty() ? null : Thread.ofVirtual().name("timestamper").start(this::run);
    }

    @Override
    public void published(LogInfo log, StoredCheckpoint checkpoint) {
        if (thread != null) {
            latest.put(log.logId(), checkpoint);
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            for (String logId : latest.keySet()) {
                try {
                    candidate(logId).ifPresent(c -> stamp(logId, c));
                } catch (SQLException | RuntimeException e) {
                    // the stamping thread outlives any one failure: the next round tries again
                    LOG.warn("timestamping log {} failed: {}", logId, e.toString());
                }
            }
            try {
                Thread.sleep(settings.timestampInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Optional<StoredCheckpoint> candidate(String logId) throws SQLException {
        Optional<StoredCheckpoint> c = settings.witnessing() ? witnessed.latestWitnessed(logId)
                : Optional.ofNullable(latest.get(logId));
        long done = stamped.computeIfAbsent(logId, id -> {
            try {
                return timestamps.latestSize(id);
            } catch (SQLException e) {
                return 0L;
            }
        });
        return c.filter(checkpoint -> checkpoint.treeSize() > done);
    }

    private void stamp(String logId, StoredCheckpoint checkpoint) {
        byte[] imprint;
        try {
            imprint = Rfc3161.imprint(SignedNote.parse(checkpoint.signedNote()).text());
        } catch (SignerException e) {
            throw new IllegalStateException("a stored checkpoint is a signed note", e);
        }
        for (URI tsa : settings.tsaUrls()) {
            try {
                byte[] request = Rfc3161.request(imprint, new BigInteger(64, random));
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(tsa).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/timestamp-query")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IOException("TSA answered " + response.statusCode());
                }
                byte[] token = Rfc3161.tokenOf(response.body(), request);
                Instant genTime = Rfc3161.verify(token, imprint, settings.tsaCertificates());
                timestamps.insert(logId, checkpoint.treeSize(), token, genTime, tsa.toString());
                stamped.put(logId, checkpoint.treeSize());
                return;
            } catch (IOException | SignerException | SQLException e) {
                LOG.warn("TSA {} did not timestamp checkpoint {} of log {}: {}", tsa, checkpoint.treeSize(), logId,
                        e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
