package org.cbamledger.verifier.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.Sha256;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.BundlePaths;
import org.cbamledger.verifier.bundle.ManifestDocument;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.Loaded;
import tools.jackson.databind.JsonNode;

/**
 * Every bundled document has the SHA-256 it is filed under, and some bundled entry references that hash
 * (a string value in its record holding the hex digest): a document no entry vouches for is not evidence.
 * An erased document is reported as erased; its hash still stands in the entries that reference it.
 */
public final class DocumentCheck implements BundleCheck {
    public static final String HASH = "document-hash";
    public static final String REFERENCE = "document-reference";
    private static final Pattern SHA256_HEX = Pattern.compile("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");

    @Override
    public List<CheckResult> run(BundleContext context) {
        List<CheckResult> results = new ArrayList<>();
        if (context.manifest().documents().isEmpty()) {
            return results;
        }
        Map<String, String> referencedBy = references(context);
        Map<String, String> erasedBy = erasures(context);
        for (ManifestDocument document : context.manifest().documents()) {
            String subject = BundlePaths.documentFile(document.sha256Hex());
            if (document.erased()) {
                String erasure = erasedBy.get(document.sha256Hex());
                results.add(new CheckResult(HASH, subject, CheckStatus.ERASED, erasure != null
                        ? "content erased, as the document-erasure in " + erasure + " records"
                        : "content erased; no bundled document-erasure record says why"));
            } else {
                results.add(hash(context, document, subject));
            }
            String entryFile = referencedBy.get(document.sha256Hex());
            results.add(entryFile != null
                    ? CheckResult.pass(REFERENCE, subject, "referenced by " + entryFile)
                    : CheckResult.fail(REFERENCE, subject, BundlePaths.MANIFEST + " lists document "
                            + document.sha256Hex() + ", which no bundled entry references"));
        }
        return results;
    }

    private static CheckResult hash(BundleContext context, ManifestDocument document, String subject) {
        MessageDigest sha256 = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(context.bundle().open(document.file()), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            return CheckResult.fail(HASH, subject, "cannot read: " + e.getMessage());
        }
        String actual = Sha256.hex(sha256);
        return actual.equals(document.sha256Hex())
                ? CheckResult.pass(HASH, subject, "content has the SHA-256 it is filed under")
                : CheckResult.fail(HASH, subject, "content has SHA-256 " + actual + ", "
                        + BundlePaths.MANIFEST + " lists " + document.sha256Hex());
    }

    /** Each hex SHA-256 found in a string value of a valid entry's record, with the first entry holding it. */
    private static Map<String, String> references(BundleContext context) {
        Map<String, String> referencedBy = new HashMap<>();
        for (ManifestEntry entry : context.manifest().entries()) {
            Loaded<Envelope> envelope = context.envelope(entry.index());
            if (!envelope.ok()) {
                continue;
            }
            try {
                collect(envelope.value().record(), entry.file(), referencedBy);
            } catch (SignerException e) {
                // an unreadable record references nothing; EntryFormatCheck reports it
            }
        }
        return referencedBy;
    }

    /** The sha256 of each document-erasure record among the valid entries, with its entry file. */
    private static Map<String, String> erasures(BundleContext context) {
        Map<String, String> erasedBy = new HashMap<>();
        for (ManifestEntry entry : context.manifest().entries()) {
            if (!Kinds.DOCUMENT_ERASURE.equals(context.kind(entry.index()))) {
                continue;
            }
            Loaded<Envelope> envelope = context.envelope(entry.index());
            try {
                JsonNode sha256 = envelope.value().record().get("sha256");
                if (sha256 != null && sha256.isString()) {
                    erasedBy.putIfAbsent(sha256.stringValue(), entry.file());
                }
            } catch (SignerException e) {
                // an unreadable record records nothing; EntryFormatCheck reports it
            }
        }
        return erasedBy;
    }

    private static void collect(JsonNode node, String file, Map<String, String> referencedBy) {
        if (node.isString()) {
            Matcher m = SHA256_HEX.matcher(node.stringValue().toLowerCase(Locale.ROOT));
            while (m.find()) {
                referencedBy.putIfAbsent(m.group(), file);
            }
        } else if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                collect(child, file, referencedBy);
            }
        }
    }
}
