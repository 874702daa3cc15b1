package org.cbamledger.service.log;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cbamledger.service.store.KeyStore;
import org.cbamledger.service.store.RegisteredKey;
import org.cbamledger.signer.DecodedPublicKey;
import org.cbamledger.signer.SignerException;

/**
 * Registered keys by log and key id, each with its public key decoded once, so the write path reads neither the
 * database nor the key's encoding per entry. Only found keys are kept (a key registered later is found then). A
 * sequenced revocation drops its key ({@link #forget}) before its receipt is handed out; a lookup that raced with
 * it does not put back what it read. The sequencer checks revocations again under the log's lock in any case.
 */
final class KeyCache {
    record CachedKey(RegisteredKey key, DecodedPublicKey publicKey) {}

    private final KeyStore store;
    private final Map<String, CachedKey> keys = new ConcurrentHashMap<>();
    private final AtomicLong revocations = new AtomicLong();

    KeyCache(KeyStore store) {
        this.store = store;
    }

    Optional<CachedKey> find(String logId, String keyId) throws SQLException {
        String id = logId + "/" + keyId;
        CachedKey cached = keys.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        long seen = revocations.get();
        Optional<RegisteredKey> found = store.find(logId, keyId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CachedKey loaded;
        try {
            loaded = new CachedKey(found.get(), DecodedPublicKey.of(found.get().registration().publicKey()));
        } catch (SignerException e) {
            throw new SQLException("stored key " + keyId + " of log " + logId + " does not decode", e);
        }
        if (revocations.get() == seen) {
            keys.put(id, loaded);
        }
        return Optional.of(loaded);
    }

    /** A revocation of the key was committed: the next lookup reads it again. */
    void forget(String logId, String keyId) {
        revocations.incrementAndGet();
        keys.remove(logId + "/" + keyId);
    }
}
