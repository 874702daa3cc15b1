package org.cbamledger.calculation.statement;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.NoteSignature;
import org.cbamledger.signer.Sha256;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a reader needs to check a statement: the SHA-256 of its RFC 8785 JSON without {@code renderings} (the PDF
 * is rendered before its own hash is bound, so the hash it shows cannot cover {@code renderings}) and, once bound,
 * the checkpoint: log origin, tree size, root hash, the log's key (the signature named like the origin, as
 * {@code name+keyhash}, the first two fields of its C2SP vkey, so a reader matches it against the key they pin) and
 * the witnesses (every other signature on the note). The bundle's own hash is not among them: the bundle is built
 * after the statement (it carries the statement), so no statement can name it.
 */
record StatementCheck(String statementSha256, Optional<Checkpoint> checkpoint, List<String> logKeys, List<String> witnesses) {
    static final String BUNDLE_COMMAND = "./cbam verify BUNDLE.zip --policy policy.json";

    /** The RFC 8785 bytes of the statement without {@code renderings}: what the PDF renders, hashes and attaches. */
    static byte[] content(JsonNode statement) throws CalculationException {
        if (!(statement.deepCopy() instanceof ObjectNode content)) {
            throw new CalculationException("a statement is a JSON object");
        }
        content.remove("renderings");
        try {
            return CanonicalJson.canonicalize(content);
        } catch (SignerException e) {
            throw new CalculationException("cannot canonicalise the statement: " + e.getMessage(), e);
        }
    }

    static StatementCheck of(JsonNode statement) throws CalculationException {
        String sha256 = Sha256.hex(content(statement));
        JsonNode note = statement.path("checkpoint");
        if (!note.isString()) {
            return new StatementCheck(sha256, Optional.empty(), List.of(), List.of());
        }
        try {
            SignedNote signed = SignedNote.parse(note.asString());
            Checkpoint checkpoint = Checkpoint.parse(signed.text());
            List<String> logKeys = new ArrayList<>();
            List<String> witnesses = new ArrayList<>();
            for (NoteSignature signature : signed.signatures()) {
                if (signature.keyName().equals(checkpoint.origin())) {
                    logKeys.add(signature.keyName() + "+" + HexFormat.of().formatHex(signature.keyHash()));
                } else {
                    witnesses.add(signature.keyName());
                }
            }
            return new StatementCheck(sha256, Optional.of(checkpoint), logKeys, witnesses);
        } catch (SignerException e) {
            throw new CalculationException("the statement's checkpoint is not a signed checkpoint: " + e.getMessage(), e);
        }
    }

    String rootHashBase64() {
        return checkpoint.map(c -> Base64.getEncoder().encodeToString(c.rootHash())).orElse("-");
    }

    /** The QR code's text: one "name: value" line each, the same values page 1 prints. */
    String qrPayload(String statementId) {
        StringBuilder text = new StringBuilder("cbam-ledger statement " + statementId + "\n");
        text.append("statement-sha256: ").append(statementSha256).append('\n');
        checkpoint.ifPresent(c -> text.append("checkpoint: ").append(c.origin()).append(' ').append(c.size()).append(' ')
                .append(rootHashBase64()).append('\n'));
        logKeys.forEach(k -> text.append("log-key: ").append(k).append('\n'));
        witnesses.forEach(w -> text.append("witness: ").append(w).append('\n'));
        return text.append("verify: ").append(BUNDLE_COMMAND).toString();
    }
}
