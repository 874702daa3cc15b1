package org.cbamledger.service.log;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.service.store.RegisteredKey;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import org.cbamledger.spec.RecordValidationException;
import org.cbamledger.spec.RecordValidator;
import tools.jackson.databind.JsonNode;

/**
 * Every check on a submitted envelope that needs no lock on the log: size, strict parse, schema, and
 * each signature by a key registered in this log, unrevoked, in its validity window and allowed the kind.
 * Log-authored kinds (Kinds.LOG_AUTHORED) are refused whoever signs them: only the service writes them.
 */
public final class SubmissionValidator {
    /**
     * CONTRACTS.md: an entry is at most 65,535 bytes, the most a C2SP tlog-tiles entry bundle's uint16 length prefix
     * carries ({@code tile/entries/N}); a 65,536-byte entry would be served with length 0 and garble its bundle.
     */
    public static final int MAX_ENTRY_BYTES = 65_535;

    private final KeyCache keys;
    private final Clock clock;

    SubmissionValidator(KeyCache keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public Submission validate(String logId, byte[] body) throws LedgerException, SQLException {
        if (body.length > MAX_ENTRY_BYTES) {
            throw tooLarge(body.length);
        }
        return validate(logId, parseWithRecord(body));
    }

    /**
     * An envelope the caller parsed strictly as JSON (an element of a batch body): its record and canonical bytes are
     * made here once, and every check of {@link #validate(String, byte[])} runs on them.
     */
    public Submission validate(String logId, JsonNode envelope) throws LedgerException, SQLException {
        long textBytes = textBytes(envelope);
        if (textBytes > MAX_ENTRY_BYTES) {
            throw tooLarge(textBytes);
        }
        try {
            return validate(logId, Envelope.parseTree(envelope));
        } catch (SignerException e) {
            throw new LedgerException(Problem.MALFORMED_ENVELOPE, e.getMessage(), e);
        }
    }

    /**
     * An envelope read from exactly its canonical form ({@link Envelope#readCanonical}, an element of a batch body):
     * every check of {@link #validate(String, byte[])} runs on it, its record read here.
     */
    public Submission validate(String logId, Envelope canonical) throws LedgerException, SQLException {
        try {
            return validate(logId, canonical.withRecord());
        } catch (SignerException e) {
            throw new LedgerException(Problem.MALFORMED_ENVELOPE, e.getMessage(), e);
        }
    }

    /**
     * The envelope's base64 and hex texts, which its canonical bytes hold as they are: at least that many bytes, known
     * before anything is decoded.
     */
    private static long textBytes(JsonNode envelope) {
        long bytes = textLength(envelope.get("payload"));
        JsonNode signatures = envelope.get("signatures");
        if (signatures != null && signatures.isArray()) {
            for (JsonNode signature : signatures.values()) {
                bytes += textLength(signature.get("keyid")) + textLength(signature.get("sig"));
            }
        }
        return bytes;
    }

    private static int textLength(JsonNode text) {
        return text != null && text.isString() ? text.stringValue().length() : 0;
    }

    private Submission validate(String logId, Envelope.Parsed parsed) throws LedgerException, SQLException {
        Envelope envelope = parsed.envelope();
        byte[] canonical = parsed.canonicalBytes();
        if (canonical.length > MAX_ENTRY_BYTES) {
            throw tooLarge(canonical.length);
        }
        JsonNode record = validated(envelope, parsed.record());
        String kind = envelope.kind();
        String written = writtenKind(kind, record);
        refuseUnwritable(kind, written);
        List<String> keyIds = checkSignatures(logId, envelope, kind, written, clock.instant());
        return describe(canonical, kind, record, keyIds);
    }

    /** Parse, size and schema checks only: for the bootstrap entries, whose key is not registered yet. */
    static Submission unsigned(Envelope envelope) throws LedgerException {
        if (envelope.canonicalBytes().length > MAX_ENTRY_BYTES) {
            throw tooLarge(envelope.canonicalBytes().length);
        }
        List<String> keyIds = new ArrayList<>();
        for (DsseSignature signature : envelope.signatures()) {
            keyIds.add(signature.keyId());
        }
        return describe(envelope.canonicalBytes(), envelope.kind(), recordOf(envelope), keyIds);
    }

    /** The kind of record the entry puts in the log: a correction's replacement's, else the entry's own. */
    private static String writtenKind(String kind, JsonNode record) {
        return kind.equals(Kinds.CORRECTION) ? record.path("replacement").path("kind").asString("") : kind;
    }

    /**
     * Log-authored kinds come only from the service itself (LogAuthoredEntries), whoever signs a submission; and no
     * correction replaces a claim, whose replacement would claim around the deployment's claim map.
     */
    private static void refuseUnwritable(String kind, String written) throws LedgerException {
        if (Kinds.isLogAuthored(written)) {
            throw new LedgerException(Problem.KIND_NOT_ALLOWED, written + " entries are written by the service only"
                    + (written.equals(kind) ? "" : ": a correction cannot replace one"));
        }
        if (!written.equals(kind) && Kinds.isClaiming(written)) {
            throw new LedgerException(Problem.KIND_NOT_ALLOWED, "a correction cannot replace a " + written
                    + " record: a claim is final");
        }
    }

    static Envelope parse(byte[] body) throws LedgerException {
        return parseWithRecord(body).envelope();
    }

    private static Envelope.Parsed parseWithRecord(byte[] body) throws LedgerException {
        try {
            return Envelope.parseWithRecord(body);
        } catch (SignerException e) {
            throw new LedgerException(Problem.MALFORMED_ENVELOPE, e.getMessage(), e);
        }
    }

    private static Submission describe(byte[] canonical, String kind, JsonNode record, List<String> keyIds)
            throws LedgerException {
        return new Submission(canonical, Merkle.leafHash(canonical), kind, List.copyOf(keyIds),
                kind.equals(Kinds.METER_READING_BATCH) ? RecordFields.deviceBatch(record) : null,
                kind.equals(Kinds.KEY_REGISTRATION) ? RecordFields.keyRegistration(record) : null,
                kind.equals(Kinds.KEY_REVOCATION) ? RecordFields.keyRevocation(record) : null);
    }

    private static JsonNode recordOf(Envelope envelope) throws LedgerException {
        try {
            return validated(envelope, envelope.record());
        } catch (SignerException e) {
            throw new LedgerException(Problem.MALFORMED_ENVELOPE, e.getMessage(), e);
        }
    }

    private static JsonNode validated(Envelope envelope, JsonNode record) throws LedgerException {
        JsonNode kind = record.get("kind");
        if (kind == null || !kind.isString() || !kind.stringValue().equals(envelope.kind())) {
            throw new LedgerException(Problem.SCHEMA_VIOLATION,
                    "record kind does not match payloadType " + envelope.payloadType());
        }
        try {
            RecordValidator.validate(record);
        } catch (RecordValidationException e) {
            throw new LedgerException(Problem.SCHEMA_VIOLATION, e.getMessage(), e);
        }
        return record;
    }

    /**
     * A correction's signer must be allowed both the correction and the kind it puts in place: else a key allowed
     * corrections would author any kind.
     */
    private List<String> checkSignatures(String logId, Envelope envelope, String kind, String written, Instant now)
            throws LedgerException, SQLException {
        if (envelope.signatures().isEmpty()) {
            throw new LedgerException(Problem.BAD_SIGNATURE, "envelope has no signatures");
        }
        byte[] pae = envelope.pae();
        List<String> keyIds = new ArrayList<>();
        for (DsseSignature signature : envelope.signatures()) {
            Optional<KeyCache.CachedKey> found = keys.find(logId, signature.keyId());
            if (found.isEmpty()) {
                throw new LedgerException(Problem.UNKNOWN_KEY, "key " + signature.keyId() + " is not registered in log " + logId);
            }
            RegisteredKey key = found.get().key();
            if (!found.get().publicKey().verify(pae, signature.sig())) {
                throw new LedgerException(Problem.BAD_SIGNATURE, "signature by key " + signature.keyId() + " does not verify");
            }
            if (key.revokedAt(now)) {
                throw new LedgerException(Problem.REVOKED_KEY, "key " + signature.keyId() + " was revoked at " + key.revokedAt());
            }
            if (!key.validAt(now)) {
                throw new LedgerException(Problem.KEY_NOT_VALID, "key " + signature.keyId() + " is valid from "
                        + key.registration().validFrom() + " until "
                        + (key.registration().validUntil() == null ? "revoked" : key.registration().validUntil()));
            }
            if (!key.registration().allows(kind)) {
                throw new LedgerException(Problem.KIND_NOT_ALLOWED, "key " + signature.keyId() + " may not sign " + kind);
            }
            if (!key.registration().allows(written)) {
                throw new LedgerException(Problem.KIND_NOT_ALLOWED, "key " + signature.keyId() + " may not sign "
                        + written + ", the record this " + kind + " puts in place");
            }
            keyIds.add(signature.keyId());
        }
        return keyIds;
    }

    private static LedgerException tooLarge(long bytes) {
        return new LedgerException(Problem.ENTRY_TOO_LARGE,
                "entry of " + bytes + " bytes exceeds the limit of " + MAX_ENTRY_BYTES + " bytes");
    }
}
