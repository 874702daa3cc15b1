package org.cbamledger.service.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cbamledger.archive.ArchiveException;
import org.cbamledger.archive.DocumentAnchor;
import org.cbamledger.archive.DocumentErasure;
import org.cbamledger.archive.DocumentStatus;
import org.cbamledger.service.log.StoredEntry;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SignerException;
import org.cbamledger.verifier.bundle.BundleWriter;
import tools.jackson.databind.JsonNode;

/**
 * The documents named by bundled {@code document-anchor} and {@code document-erasure} entries, as the
 * archive holds them: stored bytes unverified (the verifier judges them), erased ones as erased.
 * A document the archive never received is left out; the verifier reports the anchor without it.
 */
public final class AnchoredDocuments implements BundleDocuments {
    private static final Set<String> REFERENCING_KINDS = Set.of(DocumentAnchor.KIND, DocumentErasure.KIND);

    private final DocumentService documents;

    public AnchoredDocuments(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void addReferenced(Collection<StoredEntry> entries, BundleWriter writer) throws IOException {
        TreeSet<String> hashes = new TreeSet<>();
        for (StoredEntry e : entries) {
            if (REFERENCING_KINDS.contains(e.kind())) {
                referencedHash(e).ifPresent(hashes::add);
            }
        }
        for (String sha256 : hashes) {
            try {
                if (documents.status(sha256) == DocumentStatus.ERASED) {
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
