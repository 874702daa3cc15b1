package org.cbamledger.service.log;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.Sha256;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.cbamledger.spec.RecordValidationException;
import org.cbamledger.spec.RecordValidator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Entries the service writes itself (api-spec/CONTRACTS.md, log-authored entries): a record of a
 * log-authored kind in a DSSE envelope signed by the log's own Ed25519 key, under the key id
 * {@link #logKeyId}, which no registered key can have.
 */
final class LogAuthoredEntries {
    private LogAuthoredEntries() {}

    /**
     * Lowercase hex SHA-256 of the log key's C2SP verifier key line ({@code <name>+<hash>+<base64>}, UTF-8).
     * A registered key id is the SHA-256 of a DER SubjectPublicKeyInfo, which starts with byte 0x30; a verifier
     * key line starts with its name, so the two can only meet in a SHA-256 collision.
     */
    static String logKeyId(NoteSigner logKey) {
        return Sha256.hex(logKey.verifierKey().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks the record (a log-authored kind, valid against its schema), signs it with each of the log's keys
     * given (the current one; a log-key-rotation with the old and the new key) and sizes it.
     */
    static Submission sign(String origin, List<SigningKey> logKeys, ObjectNode record) throws LedgerException {
        String kind = record.path("kind").isString() ? record.get("kind").stringValue() : null;
        if (kind == null || !Kinds.isLogAuthored(kind)) {
            throw new LedgerException(Problem.KIND_NOT_ALLOWED,
                    "the service writes only " + String.join(", ", Kinds.LOG_AUTHORED.stream().sorted().toList())
                            + " entries itself, not " + (kind == null ? "a record without a kind" : kind));
        }
        try {
            RecordValidator.validate(record);
        } catch (RecordValidationException e) {
            throw new LedgerException(Problem.SCHEMA_VIOLATION, e.getMessage(), e);
        }
        Envelope envelope;
        try {
            byte[] payload = CanonicalJson.canonicalize(record);
            String payloadType = Envelope.payloadTypeFor(kind);
            byte[] pae = new Envelope(payloadType, payload, List.of()).pae();
            List<DsseSignature> signatures = new ArrayList<>();
            for (SigningKey key : logKeys) {
                signatures.add(new DsseSignature(logKeyId(new NoteSigner(origin, key)), key.sign(pae)));
            }
            envelope = new Envelope(payloadType, payload, signatures);
        } catch (SignerException e) {
            throw new LedgerException(Problem.SCHEMA_VIOLATION, "record cannot be canonicalized: " + e.getMessage(), e);
        }
        // stored exactly as an outside verifier will parse it
        return SubmissionValidator.unsigned(SubmissionValidator.parse(envelope.canonicalBytes()));
    }
}
