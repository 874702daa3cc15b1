package org.cbamledger.archive;

/** No document with this SHA-256 was ever archived (or it was never completely stored). */
public final class DocumentNotFoundException extends ArchiveException {
    private final String sha256;

    public DocumentNotFoundException(String sha256) {
        super("document " + sha256 + " is not in the archive");
        this.sha256 = sha256;
    }

    public String sha256() {
        return sha256;
    }
}
