package org.cbamledger.archive;

import java.io.InputStream;
import java.util.Optional;

/**
 * A write-once blob store, small like Tessera's object store. Keys are opaque strings; the archive uses
 * content addresses ({@code sha256/<hex>}) and erasure markers ({@code erased/<hex>}).
 */
public interface ObjectStore {
    /**
     * Stores the stream under the key unless an object is already there; an existing object is never
     * overwritten. An object becomes visible only once completely written.
     *
     * @return true if this call wrote the object, false if the key was already taken
     */
    boolean putIfAbsent(String key, InputStream content, long sizeBytes, String contentType) throws ArchiveException;

    /** The object's bytes as the store holds them, unverified, or empty if absent; the caller closes it. */
    Optional<InputStream> get(String key) throws ArchiveException;

    Optional<ObjectInfo> stat(String key) throws ArchiveException;

    /** Removes the object (every version of it, where the store keeps versions). Absent keys are fine. */
    void delete(String key) throws ArchiveException;
}
