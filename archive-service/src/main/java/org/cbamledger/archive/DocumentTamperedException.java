package org.cbamledger.archive;

/** The stored bytes of a document no longer hash to its key: the blob was altered or truncated. */
public final class DocumentTamperedException extends ArchiveException {
    private final String sha256;

    public DocumentTamperedException(String sha256, String actualSha256, long actualSizeBytes) {
        super("document " + sha256 + " is tampered: stored blob hashes to " + actualSha256 + " ("
                + actualSizeBytes + " bytes)");
        this.sha256 = sha256;
    }

    /** The hash the blob is stored under, i.e. the tampered document. */
    public String sha256() {
        return sha256;
    }
}
