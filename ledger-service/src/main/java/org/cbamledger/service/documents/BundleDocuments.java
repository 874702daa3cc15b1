package org.cbamledger.service.documents;

import java.io.IOException;
import java.util.Collection;
import org.cbamledger.service.log.StoredEntry;
import org.cbamledger.verifier.bundle.BundleWriter;

/** Adds the documents that bundled entries reference to a bundle (BUNDLE.md {@code documents/<sha256>}). */
public interface BundleDocuments {
    BundleDocuments NONE = (entries, writer) -> {};

    void addReferenced(Collection<StoredEntry> entries, BundleWriter writer) throws IOException;
}
