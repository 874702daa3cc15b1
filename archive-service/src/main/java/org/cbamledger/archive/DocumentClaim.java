package org.cbamledger.archive;

/**
 * Records who holds a document once its digest is known and before its blob is stored: the ledger service records
 * the uploading log here, and refuses content that log erased by throwing {@link DocumentErasedException}.
 *
 * @param <E> what the record keeper may fail with besides the archive's own exceptions
 */
@FunctionalInterface
public interface DocumentClaim<E extends Exception> {
    DocumentClaim<RuntimeException> NONE = sha256 -> {};

    void claim(String sha256) throws ArchiveException, E;
}
