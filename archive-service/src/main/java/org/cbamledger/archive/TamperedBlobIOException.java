package org.cbamledger.archive;

import java.io.IOException;

/** Thrown by a verified read at end of stream when the bytes read do not hash to the document's key. */
public final class TamperedBlobIOException extends IOException {
    public TamperedBlobIOException(DocumentTamperedException cause) {
        super(cause.getMessage(), cause);
    }

    public DocumentTamperedException tampered() {
        return (DocumentTamperedException) getCause();
    }
}
