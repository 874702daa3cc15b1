package org.cbamledger.service.statement;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.statement.EmissionsStatements;
import org.cbamledger.calculation.statement.FigureDifference;
import org.cbamledger.calculation.statement.StatementJws;
import org.cbamledger.calculation.statement.StatementPdfRenderer;
import org.cbamledger.calculation.statement.StatementRecomputer;
import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.exchange.template.StatementWorkbook;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.store.CheckpointStore;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.store.KeyStore;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.RegisteredKey;
import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts an emissions statement signed as a compact JWS: by a statement-issuer key this log registers for the
 * issuing party, unrevoked and valid now; made under a checkpoint this log signed; every figure recomputing from
 * the log's entries below that checkpoint; binding, if at all, the PDF rendered from it. Stores it with that PDF, then
 * tells the listener (which prepares the web view of the room the statement defines). Anything else appends nothing.
 */
public final class StatementIntake {
    static final String ISSUER_ROLE = "statement-issuer";
    private static final Pattern STATEMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** common.schema.json identifier: the schema requires /issued/recipient, and the importer API lists by it. */
    private static final Pattern PARTY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    private static final int PAGE = 1_000;
    private static final int DIFFERENCES_SHOWN = 5;
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    private final KeyStore keys;
    private final CheckpointStore checkpoints;
    private final EntryStore entries;
    private final StatementStore store;
    private final Clock clock;
    private final StoredStatementListener listener;

    public StatementIntake(KeyStore keys, CheckpointStore checkpoints, EntryStore entries, StatementStore store,
            Clock clock, StoredStatementListener listener) {
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.entries = entries;
        this.store = store;
        this.clock = clock;
        this.listener = listener;
    }

    /** The stored statement, and whether this call stored it (false: the same JWS was stored before). */
    public record Accepted(StoredStatement statement, boolean created) {}

    public Accepted accept(String logId, String compactJws) throws LedgerException {
        try {
            return checkedAccept(logId, compactJws);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private Accepted checkedAccept(String logId, String compactJws) throws LedgerException, SQLException {
        String keyId = keyIdOf(compactJws);
        RegisteredKey key = keys.find(logId, keyId).orElseThrow(() -> new LedgerException(Problem.UNKNOWN_KEY,
                "statement signed by key " + keyId + ", which log " + logId + " does not register"));
        Instant now = clock.instant();
        if (!ISSUER_ROLE.equals(key.registration().role()) || !key.registration().allows(EmissionsStatements.KIND)) {
            throw new LedgerException(Problem.KIND_NOT_ALLOWED, "key " + keyId + " (" + key.registration().party()
                    + ", " + key.registration().role() + ") is not a statement-issuer key allowed to sign "
                    + EmissionsStatements.KIND);
        }
        if (key.revokedAt(now)) {
            throw new LedgerException(Problem.REVOKED_KEY, "key " + keyId + " was revoked at " + key.revokedAt());
        }
        if (!key.validAt(now)) {
            throw new LedgerException(Problem.KEY_NOT_VALID, "key " + keyId + " is not valid at " + now);
        }
        JsonNode statement;
        try {
            statement = StatementJws.verify(compactJws, key.registration().publicKey());
        } catch (CalculationException e) {
            throw new LedgerException(Problem.BAD_SIGNATURE, e.getMessage(), e);
        }
        String statementId = statementIdOf(statement, key);
        requireRecipient(statement);
        StoredCheckpoint checkpoint = checkpointOf(logId, statement);
        recompute(logId, statement, checkpoint.treeSize());
        StoredStatement stored;
        try {
            byte[] pdf = StatementPdfRenderer.render(statement);
            requireBoundPdf(statement, pdf);
            requireBoundWorkbook(statement);
            stored = new StoredStatement(logId, statementId, keyId, checkpoint.treeSize(), compactJws,
                    CanonicalJson.canonicalize(statement), pdf);
        } catch (SignerException | CalculationException e) {
            throw new LedgerException(Problem.INVALID_STATEMENT, "cannot render the statement: " + e.getMessage(), e);
        }
        if (store.insert(stored)) {
            listener.stored(stored);
            return new Accepted(stored, true);
        }
        StoredStatement earlier = store.find(logId, statementId).orElseThrow(
                () -> new SQLException("statement " + statementId + " vanished after a unique violation"));
        if (!earlier.jws().equals(compactJws)) {
            throw new LedgerException(Problem.STATEMENT_EXISTS, "log " + logId + " already holds another statement "
                    + statementId);
        }
        return new Accepted(earlier, false);
    }

    /** A statement that binds its PDF binds the one rendered from it: the PDF served and bundled is that one. */
    private static void requireBoundPdf(JsonNode statement, byte[] pdf) throws LedgerException, CalculationException {
        String rendered = StatementRenderings.sha256Hex(pdf);
        String bound = StatementRenderings.boundPdfSha256(statement).orElse(rendered);
        if (!bound.equals(rendered)) {
            throw new LedgerException(Problem.INVALID_STATEMENT, "statement: /renderings/pdf/sha256 is " + bound
                    + ", but the PDF rendered from the statement has SHA-256 " + rendered);
        }
    }

    /**
     * A statement that binds a communication template workbook binds the one the exchange writer renders from it:
     * the workbook bundled beside it is rendered again at export, so a hash of anything else would never verify.
     */
    private static void requireBoundWorkbook(JsonNode statement) throws LedgerException, CalculationException {
        if (StatementRenderings.boundWorkbookSha256(statement).isEmpty()) {
            return;
        }
        String bound = StatementRenderings.boundWorkbookSha256(statement).get();
        String rendered = StatementRenderings.sha256Hex(StatementWorkbook.render(statement));
        if (!bound.equals(rendered)) {
            throw new LedgerException(Problem.INVALID_STATEMENT, "statement: /renderings/communicationTemplate/sha256 is "
                    + bound + ", but the workbook rendered from the statement has SHA-256 " + rendered);
        }
    }

    private static String keyIdOf(String compactJws) throws LedgerException {
        int dot = compactJws.indexOf('.');
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(compactJws.substring(0, Math.max(dot, 0))));
            JsonNode kid = header.get("kid");
            if (dot > 0 && kid != null && kid.isString()) {
                return kid.asString();
            }
        } catch (JacksonException | IllegalArgumentException e) {
            // reported below
        }
        throw new LedgerException(Problem.INVALID_STATEMENT, "jws: not a compact JWS with a kid header");
    }

    private static String statementIdOf(JsonNode statement, RegisteredKey key) throws LedgerException {
        if (!EmissionsStatements.KIND.equals(statement.path("kind").asString(""))) {
            throw new LedgerException(Problem.INVALID_STATEMENT, "statement: /kind must be " + EmissionsStatements.KIND);
        }
        String issuer = statement.at("/issued/issuer").asString("");
        if (!issuer.equals(key.registration().party())) {
            throw new LedgerException(Problem.INVALID_STATEMENT, "statement: /issued/issuer is " + issuer
                    + ", but the signing key belongs to party " + key.registration().party());
        }
        String statementId = statement.at("/issued/statementId").asString("");
        if (!STATEMENT_ID.matcher(statementId).matches()) {
            throw new LedgerException(Problem.INVALID_STATEMENT,
                    "statement: /issued/statementId must match " + STATEMENT_ID.pattern());
        }
        return statementId;
    }

    private static void requireRecipient(JsonNode statement) throws LedgerException {
        JsonNode recipient = statement.at(StatementStore.RECIPIENT);
        if (!recipient.isString() || !PARTY_ID.matcher(recipient.asString()).matches()) {
            throw new LedgerException(Problem.INVALID_STATEMENT,
                    "statement: " + StatementStore.RECIPIENT + " must match " + PARTY_ID.pattern());
        }
    }

    private StoredCheckpoint checkpointOf(String logId, JsonNode statement) throws LedgerException, SQLException {
        String note = statement.path("checkpoint").asString("");
        long size;
        try {
            size = Checkpoint.parse(SignedNote.parse(note).text()).size();
        } catch (SignerException e) {
            throw new LedgerException(Problem.INVALID_STATEMENT, "statement: /checkpoint is not a signed checkpoint: "
                    + e.getMessage(), e);
        }
        StoredCheckpoint stored = checkpoints.bySize(logId, size).orElse(null);
        if (stored == null || !stored.signedNote().equals(note)) {
            throw new LedgerException(Problem.INVALID_STATEMENT, "statement: /checkpoint (size " + size
                    + ") is not a checkpoint log " + logId + " signed");
        }
        return stored;
    }

    private void recompute(String logId, JsonNode statement, long treeSize) throws LedgerException, SQLException {
        List<EvidenceRecord> evidence = new ArrayList<>();
        for (long start = 0; start < treeSize; start += PAGE) {
            for (StoredEntry e : entries.range(logId, start, Math.min(treeSize, start + PAGE))) {
                try {
                    evidence.add(EvidenceRecord.fromEnvelope(Envelope.parse(e.envelope()), e.index()));
                } catch (SignerException ex) {
                    throw new SQLException("stored entry " + e.index() + " of log " + logId + " does not parse", ex);
                }
            }
        }
        List<FigureDifference> differences;
        try {
            differences = StatementRecomputer.recompute(statement, evidence);
        } catch (CalculationException e) {
            throw new LedgerException(Problem.INVALID_STATEMENT, "statement does not recompute: " + e.getMessage(), e);
        }
        if (!differences.isEmpty()) {
            throw new LedgerException(Problem.INVALID_STATEMENT, differences.size()
                    + " figures do not recompute from the log's entries: " + differences.stream()
                            .limit(DIFFERENCES_SHOWN).map(FigureDifference::toString).collect(Collectors.joining("; ")));
        }
    }
}
