package org.cbamledger.service.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.cbamledger.archive.ArchiveException;
import org.cbamledger.service.db.StoreException;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SignerException;
import org.cbamledger.verifier.bundle.BundleWriter;
import tools.jackson.databind.JsonNode;

/**
 * The documents named by bundled {@code document-anchor} and {@code document-erasure} entries, as the log holds
 * them: stored bytes unverified (the verifier judges them), the ones the log erased as erased. A document the log
 * does not hold is left out, even when another log holds the same digest; the verifier reports the anchor without it.
 */
public final class AnchoredDocuments implements BundleDocuments {
    private final DocumentService documents;
    private final LogDocuments held;

    public AnchoredDocuments(DocumentService documents, LogDocuments held) {
        this.documents = documents;
        this.held = held;
    }

    @Override
    public void addReferenced(String logId, Collection<StoredEntry> entries, BundleWriter writer) throws IOException {
        TreeSet<String> hashes = new TreeSet<>();
        for (StoredEntry e : entries) {
            if (REFERENCING_KINDS.contains(e.kind())) {
                referencedHash(e).ifPresent(hashes::add);
            }
        }
        Map<String, DocumentHolding> holdings;
        try {
            holdings = held.holdings(logId, hashes);
        } catch (StoreException e) {
            throw new IOException("reading the documents log " + logId + " holds failed: " + e.getMessage(), e.getCause());
        }
        for (String sha256 : hashes) {
            DocumentHolding holding = holdings.get(sha256);
            if (holding == null) {
                continue;
            }
            try {
                if (!holding.readable()) {
                    writer.addDocument(sha256, null);
                    continue;
                }
                Optional<InputStream> content = documents.rawContent(sha256);
                if (content.isPresent()) {
                    try (InputStream in = content.get()) {
                        writer.addDocument(sha256, in);
                    }
                }
            } catch (ArchiveException e) {
                throw new IOException("bundling document " + sha256 + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static Optional<String> referencedHash(StoredEntry entry) {
        try {
            JsonNode sha256 = Envelope.parse(entry.envelope()).record().get("sha256");
            return sha256 != null && sha256.isString() && sha256.asString().matches("[0-9a-f]{64}")
                    ? Optional.of(sha256.asString()) : Optional.empty();
        } catch (SignerException e) {
            // the entry was checked when sequenced; an unparsable one references nothing
            return Optional.empty();
        }
    }
}
