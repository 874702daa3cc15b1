package org.cbamledger.service.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.store.KeyRegistration;
import org.cbamledger.service.store.KeyStore;
import org.cbamledger.service.store.LogInfo;
import org.cbamledger.service.store.LogStore;
import org.cbamledger.service.store.RegisteredKey;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import javax.sql.DataSource;

/**
 * Creates a log. Its first entry is the operator's {@code party} record, its second the
 * {@code key-registration} of the operator's root key, both signed by that root key (CONTRACTS.md).
 * The operator may bring both envelopes; otherwise the service generates the root key and returns it once.
 */
final class LogCreator {
    private static final Pattern LOG_ID = Pattern.compile("[a-z0-9-]{3,64}");

    private final DataSource dataSource;
    private final Clock clock;

    LogCreator(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    CreatedLog create(String logId, String operatorName, String countryCode, List<byte[]> bootstrapEnvelopes)
            throws LedgerException, SQLException {
        if (logId == null || !LOG_ID.matcher(logId).matches()) {
            throw new LedgerException(Problem.INVALID_LOG_ID, "log id must match [a-z0-9-]{3,64}");
        }
        if (operatorName == null || operatorName.isBlank()) {
            throw new LedgerException(Problem.INVALID_BOOTSTRAP, "operatorName is required");
        }
        byte[] generatedRootKey = null;
        List<Envelope> envelopes;
        if (bootstrapEnvelopes == null || bootstrapEnvelopes.isEmpty()) {
            SigningKey root = SigningKey.generate(KeyAlgorithm.ED25519);
            envelopes = signBootstrap(logId, operatorName, countryCode, root, clock.instant());
            generatedRootKey = root.pkcs8Der();
        } else {
            if (bootstrapEnvelopes.size() != 2) {
                throw new LedgerException(Problem.INVALID_BOOTSTRAP,
                        "bootstrap must be exactly two envelopes: party, then key-registration");
            }
            envelopes = List.of(SubmissionValidator.parse(bootstrapEnvelopes.get(0)),
                    SubmissionValidator.parse(bootstrapEnvelopes.get(1)));
        }
        Submission party = SubmissionValidator.unsigned(envelopes.get(0));
        Submission rootRegistration = SubmissionValidator.unsigned(envelopes.get(1));
        KeyRegistration root = checkBootstrap(envelopes, party, rootRegistration);

        SigningKey noteKey = SigningKey.generate(KeyAlgorithm.ED25519);
        String origin = LogInfo.originOf(logId);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!new LogStore(dataSource).insert(c, logId, operatorName, noteKey, Merkle.emptyRoot())) {
                    c.rollback();
                    throw new LedgerException(Problem.LOG_EXISTS, "log " + logId + " already exists");
                }
                EntryStore.insert(c, logId, List.of(
                        new StoredEntry(0, party.leafHash(), party.kind(), party.canonicalBytes()),
                        new StoredEntry(1, rootRegistration.leafHash(), rootRegistration.kind(),
                                rootRegistration.canonicalBytes())));
                KeyStore.insert(c, logId, root, 1);
                LogStore.setSequencedSize(c, logId, 2);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return new CreatedLog(logId, origin, new NoteSigner(origin, noteKey).verifierKey(), root.keyId(),
                generatedRootKey, List.of(new Receipt(logId, 0, party.leafHash(), true),
                        new Receipt(logId, 1, rootRegistration.leafHash(), true)));
    }

    private static List<Envelope> signBootstrap(
            String logId, String operatorName, String countryCode, SigningKey root, Instant now)
            throws LedgerException {
        Instant from = now.truncatedTo(ChronoUnit.SECONDS);
        try {
            return List.of(
                    Envelope.sign(Kinds.PARTY, LedgerRecords.json(LedgerRecords.operatorParty(logId, operatorName, countryCode)), root),
                    Envelope.sign(Kinds.KEY_REGISTRATION, LedgerRecords.json(LedgerRecords.keyRegistration(
                            root.publicKey(), logId, "root", List.of("*"), from, null)), root));
        } catch (SignerException e) {
            throw new LedgerException(Problem.INVALID_BOOTSTRAP, "signing the bootstrap records failed: " + e.getMessage(), e);
        }
    }

    private KeyRegistration checkBootstrap(List<Envelope> envelopes, Submission party, Submission registration)
            throws LedgerException {
        if (!party.kind().equals(Kinds.PARTY) || !registration.kind().equals(Kinds.KEY_REGISTRATION)) {
            throw new LedgerException(Problem.INVALID_BOOTSTRAP,
                    "bootstrap must be a party record followed by a key-registration record");
        }
        KeyRegistration root = registration.registration();
        for (Envelope envelope : envelopes) {
            if (envelope.signatures().size() != 1 || !envelope.isSignedBy(root.publicKey())) {
                throw new LedgerException(Problem.INVALID_BOOTSTRAP,
                        "bootstrap entries must be signed by the registered root key " + root.keyId() + " alone");
            }
        }
        if (!root.allows(Kinds.KEY_REGISTRATION)) {
            throw new LedgerException(Problem.INVALID_BOOTSTRAP, "the root key must be allowed to register keys");
        }
        if (!new RegisteredKey(root, 1, null).validAt(clock.instant())) {
            throw new LedgerException(Problem.INVALID_BOOTSTRAP, "the root key is not valid now");
        }
        return root;
    }
}
