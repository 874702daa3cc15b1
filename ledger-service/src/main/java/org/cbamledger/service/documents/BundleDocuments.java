package org.cbamledger.service.documents;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import org.cbamledger.spec.Kinds;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.verifier.bundle.BundleWriter;

/**
 * Adds the documents that bundled entries of a log reference to a bundle (BUNDLE.md {@code documents/<sha256>}):
 * only those the log holds, whatever another log holds under the same digest.
 */
public interface BundleDocuments {
    BundleDocuments NONE = (logId, entries, writer) -> {};
    /** The kinds of entry that reference documents; {@link #addReferenced} looks at no other. */
    Set<String> REFERENCING_KINDS = Set.of(Kinds.DOCUMENT_ANCHOR, Kinds.DOCUMENT_ERASURE);

    void addReferenced(String logId, Collection<StoredEntry> entries, BundleWriter writer) throws IOException;
}
