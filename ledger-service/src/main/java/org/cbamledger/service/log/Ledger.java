package org.cbamledger.service.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.lease.LeaseKeeper;
import org.cbamledger.service.lease.LeaseStore;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.store.KeyStore;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.LogKeyStore;
import org.cbamledger.service.store.LogKeys;
import org.cbamledger.service.store.LogStore;
import org.cbamledger.service.store.RotatedKey;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The ledger's write side: creates logs, checks submissions and hands them to each log's pipeline. */
public final class Ledger implements AutoCloseable {
    private static final int ROTATION_ATTEMPTS = 3;
    private static final Duration ROTATION_TIMEOUT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final LedgerSettings settings;
    private final Clock clock;
    private final LogStore logs;
    private final CheckpointStore checkpoints;
    private final KeyCache keys;
    private final SubmissionValidator validator;
    private final LogCreator creator;
    private final LeaseKeeper leases;
    private final SequencingHook hook;
    private final Map<String, LogPipeline> pipelines = new ConcurrentHashMap<>();
    private final List<CheckpointListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * {@code leaseStore}: where this instance takes its share of the logs' write paths (several instances);
     * {@code hook}: what else each sequencing transaction checks and records (the deployment's claim map).
     */
    public Ledger(DataSource dataSource, LedgerSettings settings, Clock clock, LeaseStore leaseStore,
            SequencingHook hook) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
        this.logs = new LogStore(dataSource);
        this.checkpoints = new CheckpointStore(dataSource);
        this.keys = new KeyCache(new KeyStore(dataSource));
        this.validator = new SubmissionValidator(keys, clock);
        this.creator = new LogCreator(dataSource, clock);
        this.leases = new LeaseKeeper(leaseStore, this::startPipeline);
        this.hook = hook;
    }

    /** Adds a listener told of every log's latest checkpoint after each publishing round; add it before {@link #start}. */
    public void addCheckpointListener(CheckpointListener listener) {
        listeners.add(listener);
    }

    /**
     * Starts the pipelines of every stored log and takes this instance's share of their leases; a restart resumes
     * integration where it stopped.
     */
    public void start() throws SQLException {
        for (String logId : logs.logIds()) {
            startPipeline(logId);
        }
        leases.start();
    }

    private void startPipeline(String logId) {
        try {
            pipeline(logId);
        } catch (LedgerException | SQLException e) {
            throw new IllegalStateException("log " + logId + " vanished while starting its pipeline", e);
        }
    }

    /** {@code countryCode}: ISO 3166-1 alpha-2 of the operator, for the party record the service writes. */
    public CreatedLog createLog(String logId, String operatorName, String countryCode, List<byte[]> bootstrapEnvelopes)
            throws LedgerException, SQLException {
        CreatedLog created = creator.create(logId, operatorName, countryCode, bootstrapEnvelopes);
        // the lease first, so that the pipeline's first round already integrates and signs the bootstrap entries
        leases.claim(logId);
        pipeline(logId);
        return created;
    }

    /** Checks every envelope, then queues them as one all-or-nothing group. */
    public CompletableFuture<List<Receipt>> submit(String logId, List<byte[]> envelopes) throws LedgerException, SQLException {
        LogPipeline pipeline = pipeline(logId);
        return pipeline.submit(GroupValidation.validate(envelopes, envelope -> validator.validate(logId, envelope)));
    }

    /**
     * {@link #submit} for envelopes the caller already parsed strictly as JSON (the elements of a batch body), so that
     * each is parsed once: see {@link SubmissionValidator#validate(String, JsonNode)}.
     */
    public CompletableFuture<List<Receipt>> submitParsed(String logId, List<JsonNode> envelopes)
            throws LedgerException, SQLException {
        LogPipeline pipeline = pipeline(logId);
        return pipeline.submit(GroupValidation.validate(envelopes, envelope -> validator.validate(logId, envelope)));
    }

    /** {@link #submit} for envelopes read from exactly their canonical form, see {@link Envelope#readCanonical}. */
    public CompletableFuture<List<Receipt>> submitCanonical(String logId, List<Envelope> envelopes)
            throws LedgerException, SQLException {
        LogPipeline pipeline = pipeline(logId);
        return pipeline.submit(GroupValidation.validate(envelopes, envelope -> validator.validate(logId, envelope)));
    }

    /**
     * Appends a record the service writes itself (a log-authored kind, e.g. room-access): validated against its
     * schema, signed by the log's current key (api-spec/CONTRACTS.md, log-authored entries) and queued like any
     * submission. The future completes once the entry is durably sequenced, with its receipt.
     */
    public CompletableFuture<Receipt> appendByLog(String logId, ObjectNode record) throws LedgerException, SQLException {
        LogPipeline pipeline = pipeline(logId);
        LogInfo log = pipeline.log();
        Submission entry = LogAuthoredEntries.sign(log.origin(), List.of(logKeys(log).currentKey()), record);
        return pipeline.submit(List.of(entry)).thenApply(List::getFirst);
    }

    /**
     * Rotates the log's note key (api-spec/POLICY.md, rotation): generates a new Ed25519 key and appends a
     * log-key-rotation entry signed by the current and the new key; the new key is stored in the transaction that
     * sequences the entry and signs checkpoints from {@code fromSize} on, the size right after the entry. When other
     * entries overtake it, it is tried again with a further fromSize (and a fresh key). Rotations of one log run one
     * at a time, so that each hands over from the key the one before it handed over to.
     */
    public LogKeyRotated rotateLogKey(String logId) throws LedgerException, SQLException {
        LogPipeline pipeline = pipeline(logId);
        synchronized (pipeline) {
            return rotate(pipeline);
        }
    }

    private LogKeyRotated rotate(LogPipeline pipeline) throws LedgerException, SQLException {
        String logId = pipeline.log().logId();
        LogInfo log = pipeline.log();
        LedgerException overtaken = null;
        for (int attempt = 0; attempt < ROTATION_ATTEMPTS; attempt++) {
            SigningKey oldKey = logKeys(log).currentKey();
            SigningKey newKey = SigningKey.generate(KeyAlgorithm.ED25519);
            String newVerifierKey = new NoteSigner(log.origin(), newKey).verifierKey();
            long fromSize = logs.state(logId).sequencedSize() + 1 + (long) attempt * settings.maxBatch();
            Submission entry = LogAuthoredEntries.sign(log.origin(), List.of(oldKey, newKey),
                    LedgerRecords.logKeyRotation(new NoteSigner(log.origin(), oldKey).verifierKey(), newVerifierKey,
                            fromSize));
            try {
                pipeline.submitRotation(entry, new RotatedKey(newKey, newVerifierKey, fromSize, clock.instant()))
                        .get(ROTATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return new LogKeyRotated(newVerifierKey, fromSize);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof LedgerException le)) {
                    throw new LedgerException(Problem.UNAVAILABLE, "the rotation entry was not sequenced", e.getCause());
                }
                if (le.problem() != Problem.ROTATION_OVERTAKEN) {
                    throw le;
                }
                overtaken = le;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LedgerException(Problem.UNAVAILABLE, "interrupted while the rotation entry was sequenced");
            } catch (TimeoutException e) {
                throw new LedgerException(Problem.UNAVAILABLE, "the rotation entry was not sequenced within "
                        + ROTATION_TIMEOUT.toSeconds() + " s; the key is unchanged unless a later checkpoint says so");
            }
        }
        throw overtaken;
    }

    /** The log's note keys: its first and every key it rotated to (GET /logs/{logId}). */
    public LogKeys logKeys(String logId) throws LedgerException {
        try {
            return logKeys(pipeline(logId).log());
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private LogKeys logKeys(LogInfo log) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return LogKeyStore.keys(c, log);
        }
    }

    public Optional<StoredCheckpoint> awaitCheckpoint(String logId, long minSize, Duration timeout)
            throws LedgerException, SQLException, InterruptedException {
        return pipeline(logId).awaitCheckpoint(minSize, timeout);
    }

    public LogInfo log(String logId) throws LedgerException {
        try {
            return pipeline(logId).log();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** The log when this instance has it open already, without a database read; else empty. */
    public Optional<LogInfo> openLog(String logId) {
        return Optional.ofNullable(pipelines.get(logId)).map(LogPipeline::log);
    }

    private LogPipeline pipeline(String logId) throws LedgerException, SQLException {
        LogPipeline pipeline = pipelines.get(logId);
        if (pipeline != null) {
            return pipeline;
        }
        LogInfo log = logs.find(logId).orElseThrow(
                () -> new LedgerException(Problem.LOG_NOT_FOUND, "log " + logId + " does not exist"));
        synchronized (pipelines) {
            return pipelines.computeIfAbsent(logId, id -> new LogPipeline(log, dataSource, checkpoints, leases, clock, settings,
                    listeners, keys, hook));
        }
    }

    @Override
    public void close() {
        for (LogPipeline pipeline : pipelines.values()) {
            pipeline.close();
        }
        pipelines.clear();
        leases.close();
    }
}
