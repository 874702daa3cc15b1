package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.statement.FigureDifference;
import org.cbamledger.calculation.statement.StatementJws;
import org.cbamledger.calculation.statement.StatementRecomputer;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.CheckpointVerifier;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.Loaded;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bundled emissions statement (api-spec/BUNDLE.md): statement.json is the payload of statement.jws, signed by a
 * statement-issuer key of the issuing party that the bundle registers; the checkpoint it was made under is one of
 * the bundle's; and every figure recomputes, with the calculation module, from the bundled entries that checkpoint
 * covers. Each differing figure is its own FAIL line, named by its path.
 */
public final class StatementCheck implements BundleCheck {
    public static final String NAME = "statement";
    static final String ISSUER_ROLE = "statement-issuer";
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    @Override
    public List<CheckResult> run(BundleContext context) {
        String file = context.manifest().statementFile();
        if (file == null) {
            return List.of();
        }
        List<CheckResult> results = new ArrayList<>();
        Loaded<String> json = context.text(file);
        if (!json.ok()) {
            return List.of(CheckResult.fail(NAME, file, json.error()));
        }
        JsonNode statement;
        try {
            statement = JSON.readTree(json.value());
        } catch (JacksonException e) {
            return List.of(CheckResult.fail(NAME, file, "not JSON: " + e.getOriginalMessage()));
        }
        if (!statement.isObject() || !Kinds.EMISSIONS_STATEMENT.equals(statement.path("kind").asString(""))) {
            return List.of(CheckResult.fail(NAME, file, "not an emissions-statement record"));
        }
        String jwsFile = BundlePaths.statementJwsFile(file);
        KeyRegistry registry = EntrySignatureCheck.registry(context);
        Optional<Signed> signed = signedPayload(context, registry, jwsFile, results);
        if (signed.isPresent() && !signed.get().payload().equals(statement)) {
            results.add(CheckResult.fail(NAME, file, "is not the payload signed in " + jwsFile));
        }
        Optional<Long> size = checkpointSize(context, file, statement, results);
        if (size.isPresent() && signed.isPresent()) {
            results.add(issuerKey(registry, jwsFile, size.get(), signed.get()));
        }
        results.addAll(RuleOverrideWarnings.of(NAME, file, statement));
        results.addAll(recompute(context, file, statement, size.orElse(context.manifest().treeSize())));
        return results;
    }

    private record Signed(String keyId, JsonNode payload) {}

    /** The JWS payload, once it verifies by the key its kid names, registered anywhere in the bundle. */
    private static Optional<Signed> signedPayload(BundleContext context, KeyRegistry registry, String jwsFile,
            List<CheckResult> results) {
        Loaded<String> jws = context.text(jwsFile);
        if (!jws.ok()) {
            results.add(CheckResult.fail(NAME, jwsFile, jws.error()));
            return Optional.empty();
        }
        String compact = jws.value().strip();
        String kid;
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.'))));
            kid = header.path("kid").asString("");
        } catch (JacksonException | IllegalArgumentException | IndexOutOfBoundsException e) {
            results.add(CheckResult.fail(NAME, jwsFile, "not a compact JWS with a kid header"));
            return Optional.empty();
        }
        Optional<KeyRegistration> registration = registry.registrationBefore(kid, Long.MAX_VALUE);
        if (registration.isEmpty()) {
            results.add(CheckResult.fail(NAME, jwsFile, "signed by key " + kid + ", which no bundled key-registration registers"));
            return Optional.empty();
        }
        try {
            JsonNode payload = StatementJws.verify(compact, registration.get().key());
            results.add(CheckResult.pass(NAME, jwsFile, "JWS signature by key " + kid + " of party "
                    + registration.get().party() + " verifies"));
            return Optional.of(new Signed(kid, JSON.readTree(JSON.writeValueAsBytes(payload))));
        } catch (CalculationException e) {
            results.add(CheckResult.fail(NAME, jwsFile, e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * The issuer's key was registered, as a statement-issuer of the issuing party allowed to sign statements, before
     * the statement's checkpoint, and not revoked before it.
     */
    private static CheckResult issuerKey(KeyRegistry registry, String jwsFile, long treeSize, Signed signed) {
        String kid = signed.keyId();
        Optional<KeyRegistration> registration = registry.registrationBefore(kid, treeSize);
        if (registration.isEmpty()) {
            return CheckResult.fail(NAME, jwsFile, "key " + kid + " is not registered before the statement's checkpoint, size "
                    + treeSize);
        }
        KeyRegistration reg = registration.get();
        Optional<Long> revokedAt = registry.revocationBefore(kid, treeSize);
        if (revokedAt.isPresent()) {
            return CheckResult.fail(NAME, jwsFile, "key " + kid + " was revoked at index " + revokedAt.get()
                    + ", before the statement's checkpoint");
        }
        if (!ISSUER_ROLE.equals(reg.role()) || !reg.allows(Kinds.EMISSIONS_STATEMENT)) {
            return CheckResult.fail(NAME, jwsFile, "key " + kid + " (" + reg.party() + ", " + reg.role()
                    + ") is not a statement-issuer key allowed to sign " + Kinds.EMISSIONS_STATEMENT);
        }
        String issuer = signed.payload().path("issued").path("issuer").asString("");
        if (!issuer.equals(reg.party())) {
            return CheckResult.fail(NAME, jwsFile, "the statement names issuer " + issuer + ", but key " + kid
                    + " belongs to party " + reg.party());
        }
        return CheckResult.pass(NAME, jwsFile, "key " + kid + " is a statement-issuer key of party "
                + reg.party() + ", registered at index " + reg.logIndex());
    }

    /** The size of the statement's checkpoint, when it is signed by a trusted log key and is one of the bundle's. */
    private static Optional<Long> checkpointSize(BundleContext context, String file, JsonNode statement,
            List<CheckResult> results) {
        JsonNode note = statement.path("checkpoint");
        if (!note.isString()) {
            results.add(CheckResult.fail(NAME, file, "checkpoint: not a signed checkpoint string"));
            return Optional.empty();
        }
        Checkpoint checkpoint;
        try {
            checkpoint = CheckpointVerifier.verify(note.asString(), context.trustedLogKeys(), context.manifest().origin());
        } catch (SignerException e) {
            results.add(CheckResult.fail(NAME, file, "checkpoint: " + e.getMessage()));
            return Optional.empty();
        }
        long size = checkpoint.size();
        if (!context.manifest().checkpointSizes().contains(size)) {
            results.add(CheckResult.fail(NAME, file, "checkpoint: size " + size
                    + " is not one of the bundle's checkpoints " + context.manifest().checkpointSizes()));
            return Optional.empty();
        }
        Loaded<Checkpoint> bundled = context.checkpointBody(size);
        if (!bundled.ok() || !bundled.value().equals(checkpoint)) {
            results.add(CheckResult.fail(NAME, file, "checkpoint: size " + size + " differs from "
                    + BundlePaths.checkpointFile(size)));
            return Optional.empty();
        }
        results.add(CheckResult.pass(NAME, file, "made under the bundle's checkpoint of size " + size));
        return Optional.of(size);
    }

    private static List<CheckResult> recompute(BundleContext context, String file, JsonNode statement, long treeSize) {
        List<FigureDifference> differences;
        Recomputation recomputed = Recomputation.of(context, file, statement, treeSize);
        try {
            if (!recomputed.ok()) {
                throw new CalculationException(recomputed.error());
            }
            differences = StatementRecomputer.recompute(statement, recomputed.result());
        } catch (CalculationException | RuntimeException e) {
            return List.of(CheckResult.fail(NAME, file, "cannot recompute: " + e.getMessage()));
        }
        if (differences.isEmpty() && StatementRecomputer.isFormatV1(statement)) {
            return List.of(CheckResult.pass(NAME, file, "every presented figure recomputes from the entries below index "
                            + treeSize),
                    new CheckResult(NAME, file, CheckStatus.NOT_CHECKED, "the trace of a format v1 statement"
                            + " (evidence.figures and evidence.entries) is taken as stated: this verifier rebuilds"
                            + " traces of format v2"));
        }
        if (differences.isEmpty()) {
            return List.of(CheckResult.pass(NAME, file, "every figure recomputes from the entries below index "
                    + treeSize));
        }
        List<CheckResult> results = new ArrayList<>();
        for (FigureDifference difference : differences) {
            results.add(CheckResult.fail(NAME, file, difference.toString()));
        }
        return results;
    }
}
