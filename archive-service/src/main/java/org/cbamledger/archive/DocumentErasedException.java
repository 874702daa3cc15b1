package org.cbamledger.archive;

/** The document was archived and later erased (GDPR); the ledger still holds its digest. */
public final class DocumentErasedException extends ArchiveException {
    private final DocumentErasure erasure;

    public DocumentErasedException(DocumentErasure erasure) {
        super("document " + erasure.sha256() + " was erased: " + erasure.reason());
        this.erasure = erasure;
    }

    public DocumentErasure erasure() {
        return erasure;
    }
}
