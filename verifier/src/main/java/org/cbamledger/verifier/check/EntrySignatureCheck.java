package org.cbamledger.verifier.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.Loaded;
import org.cbamledger.verifier.context.LogKeys;
import org.cbamledger.verifier.check.SignatureBatch.Claim;
import org.cbamledger.verifier.check.SignatureBatch.Signed;

/**
 * Every entry carries a verifying signature by a key that a bundled key-registration registered before the
 * entry, that no bundled key-revocation revoked before it, and that may sign the entry's kind. The
 * chain starts at the log's root key, which registers itself at index 1 (api-spec/CONTRACTS.md). Entries the
 * service writes itself (log-authored kinds) carry instead the signature of the log's own key alone.
 */
public final class EntrySignatureCheck implements BundleCheck {
    public static final String NAME = "entry-signature";
    public static final String ROOT = "root-key";
    public static final String REGISTRATION = "key-registration";
    static final long ROOT_INDEX = 1;

    @Override
    public List<CheckResult> run(BundleContext context) {
        return walked(context).results();
    }

    /** The keys the bundle registers and revokes, through entries whose signatures verify (as {@link #run}). */
    static KeyRegistry registry(BundleContext context) {
        return walked(context).registry();
    }

    private record Walk(KeyRegistry registry, List<CheckResult> results) {}

    /** The walk over every entry's signatures, done once for this check and the statement's. */
    private static Walk walked(BundleContext context) {
        return context.derived(Walk.class, () -> {
            List<CheckResult> results = new ArrayList<>();
            KeyRegistry registry = walk(context, results);
            return new Walk(registry, List.copyOf(results));
        });
    }

    private static KeyRegistry walk(BundleContext context, List<CheckResult> results) {
        KeyRegistry registry = new KeyRegistry();
        if (context.manifest().entries().isEmpty()) {
            return registry;
        }
        findRoot(context, results).ifPresent(registry::addRoot);
        SignatureBatch batch = new SignatureBatch(results);
        for (ManifestEntry entry : context.manifest().entries()) {
            long index = entry.index();
            String kind = context.kind(index);
            if (kind == null) {
                batch.add(entry.file(), Claim.failed("signatures not checked: " + context.envelope(index).error()));
                continue;
            }
            if (kind.equals(Kinds.LOG_KEY_ROTATION)) {
                batch.add(entry.file(), Claim.settled(context.rotationProblem(index),
                        "log key rotation signed by the trusted old key and the new key it names"));
                continue;
            }
            // the payload is read again (inflated) and its PAE made on the thread that verifies the entry
            Supplier<byte[]> pae = () -> context.envelope(index).value().pae();
            List<DsseSignature> signatures = context.signatures(index);
            if (Kinds.isLogAuthored(kind)) {
                batch.add(entry.file(), logKeyClaim(context.trustedLogKeys(), kind, signatures, pae));
                continue;
            }
            Written written = kind.equals(Kinds.CORRECTION) ? written(context.envelope(index).value())
                    : new Written(kind, null);
            Claim claim = written.problem() != null ? Claim.failed(written.problem())
                    : signatureClaim(registry, kind, written.kind(), signatures, pae, index, context);
            if (!changesKeys(kind, index)) {
                batch.add(entry.file(), claim);
            } else if (batch.settle(entry.file(), claim)) {
                record(registry, context.envelope(index).value(), entry, results);
            }
        }
        batch.flush();
        return registry;
    }

    private static Optional<KeyRegistration> findRoot(BundleContext context, List<CheckResult> results) {
        String file = context.manifest().leafSubject(ROOT_INDEX);
        if (context.manifest().entries().stream().noneMatch(e -> e.index() == ROOT_INDEX)) {
            results.add(CheckResult.fail(ROOT, file, "missing: the log's root key self-registration must be bundled"));
            return Optional.empty();
        }
        Loaded<Envelope> envelope = context.envelope(ROOT_INDEX);
        if (!envelope.ok()) {
            results.add(CheckResult.fail(ROOT, file, "root key not checked: " + envelope.error()));
            return Optional.empty();
        }
        if (!envelope.value().kind().equals(Kinds.KEY_REGISTRATION)) {
            results.add(CheckResult.fail(ROOT, file, "the log's second entry is a " + envelope.value().kind()
                    + " record, not the root key-registration"));
            return Optional.empty();
        }
        KeyRegistration root;
        try {
            root = KeyRegistration.parse(ROOT_INDEX, envelope.value().record());
        } catch (SignerException | IllegalArgumentException e) {
            results.add(CheckResult.fail(ROOT, file, "root key-registration: " + e.getMessage()));
            return Optional.empty();
        }
        if (!envelope.value().isSignedBy(root.key())) {
            results.add(CheckResult.fail(ROOT, file, "root key-registration is not signed by the key it registers"));
            return Optional.empty();
        }
        String keyId = root.key().keyId();
        if (!context.pinnedRootKeyIds().isEmpty() && !context.pinnedRootKeyIds().contains(keyId)) {
            results.add(CheckResult.fail(ROOT, file, "root key " + keyId + " is not a pinned root key"));
            return Optional.empty();
        }
        checkFirstEntry(context, results);
        String who = "root key " + keyId + " of party " + root.party() + " registers itself";
        results.add(context.pinnedRootKeyIds().isEmpty()
                ? new CheckResult(ROOT, file, CheckStatus.NOT_PINNED, who + ": pin it with --root-key to rely on it")
                : CheckResult.pass(ROOT, file, who + ", pinned"));
        return Optional.of(root);
    }

    private static void checkFirstEntry(BundleContext context, List<CheckResult> results) {
        if (context.manifest().entries().getFirst().index() != 0) {
            return;
        }
        Loaded<Envelope> first = context.envelope(0);
        if (first.ok() && !first.value().kind().equals(Kinds.PARTY)) {
            results.add(CheckResult.fail(ROOT, context.manifest().leafSubject(0), "the log's first entry is a "
                    + first.value().kind() + " record, not the operator's party record"));
        }
    }

    /**
     * As the ledger accepts them (signer's EnvelopeVerifier): a signature by a key no bundled registration
     * covers is ignored (an untracked cosigner), every other must verify by an unrevoked key allowed for the
     * kind, and at least one must.
     */
    private static Claim signatureClaim(KeyRegistry registry, String kind, String written,
            List<DsseSignature> signatures, Supplier<byte[]> pae, long index, BundleContext context) {
        List<Signed> checks = new ArrayList<>();
        for (int position = 0; position < signatures.size(); position++) {
            DsseSignature signature = signatures.get(position);
            String keyId = signature.keyId();
            Optional<KeyRegistration> registration = registry.registrationBefore(keyId, index);
            if (registration.isEmpty()) {
                continue;
            }
            Optional<Long> revokedAt = registry.revocationBefore(keyId, index);
            if (revokedAt.isPresent()) {
                return new Claim(checks, pae, "key " + keyId + " was revoked at index " + revokedAt.get()
                        + ", before this entry", null);
            }
            KeyRegistration reg = registration.get();
            if (!reg.allows(kind)) {
                return new Claim(checks, pae, "key " + keyId + " (" + reg.party() + ", " + reg.role() + ") may not sign "
                        + kind, null);
            }
            if (!reg.allows(written)) {
                return new Claim(checks, pae, "key " + keyId + " (" + reg.party() + ", " + reg.role() + ") may not sign "
                        + written + ", the record this " + kind + " puts in place", null);
            }
            // the scan checked it by the key this key id names, reg.key() (a key id is its key's SHA-256): asked for
            // that key, the scan answers only if it checked with it
            checks.add(new Signed(reg.key(), signature.sig(), context.signatureVerifies(index, position, reg.key()),
                    "signature by key " + keyId + " does not verify"));
        }
        if (checks.isEmpty()) {
            return Claim.failed("no signature by a key registered before index " + index + " in this bundle (key ids "
                    + String.join(", ", signatures.stream().map(DsseSignature::keyId).toList()) + ")");
        }
        return new Claim(checks, pae, null, "signed by registered keys");
    }

    /**
     * A log-authored entry (api-spec Kinds.LOG_AUTHORED) is written by the service and signed by the log's own key
     * alone, under the key id LogKeys.entryKeyId: any other signature, a registered root key's included, fails it.
     */
    static String logKeyProblem(List<NoteVerifier> logKeys, Envelope env) {
        return logKeyClaim(logKeys, env.kind(), env.signatures(), env::pae).failure();
    }

    private static Claim logKeyClaim(List<NoteVerifier> logKeys, String kind, List<DsseSignature> signatures,
            Supplier<byte[]> pae) {
        if (logKeys.isEmpty()) {
            return Claim.failed(kind + " entry not checked: there is no log key to check it against");
        }
        Map<String, PublicKeyInfo> byKeyId = new LinkedHashMap<>();
        for (NoteVerifier logKey : logKeys) {
            byKeyId.put(LogKeys.entryKeyId(logKey), LogKeys.publicKey(logKey));
        }
        List<Signed> checks = new ArrayList<>();
        for (DsseSignature signature : signatures) {
            PublicKeyInfo key = byKeyId.get(signature.keyId());
            if (key == null) {
                return new Claim(checks, pae, kind + " entries are written by the log only: signature by key "
                        + signature.keyId() + " is not by the log key (entry key id "
                        + String.join(", ", byKeyId.keySet()) + ")", null);
            }
            checks.add(new Signed(key, signature.sig(),
                    "signature by the log key " + signature.keyId() + " does not verify"));
        }
        return new Claim(checks, pae, null, "written by the log, signed by its log key");
    }

    /** The kind of record an entry puts in the log, or why it may not (then {@code kind} is meaningless). */
    private record Written(String kind, String problem) {}

    /**
     * What a correction puts in the log: its replacement's kind, which its signer must be allowed too, or a key
     * allowed corrections would author any kind. Only the log writes log-authored records, so no submitter's correction
     * may put one in place of another; and no correction replaces a claim (a GO cancellation, a settlement), which would
     * claim around the claim map.
     */
    private static Written written(Envelope correction) {
        String replaced;
        try {
            replaced = correction.record().path("replacement").path("kind").asString("");
        } catch (SignerException e) {
            return new Written("", "correction record: " + e.getMessage());
        }
        if (Kinds.isClaiming(replaced)) {
            return new Written(replaced, "a correction cannot replace a " + replaced + " record: a claim is final");
        }
        return new Written(replaced, Kinds.isLogAuthored(replaced)
                ? "a correction cannot replace a " + replaced + " record: only the log writes those" : null);
    }

    /** Whether the entry, once its signatures verify, registers or revokes a key for the entries after it. */
    private static boolean changesKeys(String kind, long index) {
        return kind.equals(Kinds.KEY_REGISTRATION) && index != ROOT_INDEX || kind.equals(Kinds.KEY_REVOCATION);
    }

    /** A valid key-registration or key-revocation takes effect for the entries after it. */
    private static void record(KeyRegistry registry, Envelope env, ManifestEntry entry, List<CheckResult> results) {
        try {
            if (env.kind().equals(Kinds.KEY_REGISTRATION) && entry.index() != ROOT_INDEX) {
                registry.add(KeyRegistration.parse(entry.index(), env.record()));
            } else if (env.kind().equals(Kinds.KEY_REVOCATION)) {
                registry.revoke(KeyRegistration.string(env.record(), "keyId"), entry.index());
            }
        } catch (SignerException | IllegalArgumentException e) {
            results.add(CheckResult.fail(REGISTRATION, entry.file(), env.kind() + " record: " + e.getMessage()));
        }
    }
}
