package org.cbamledger.service.store;

import java.time.Instant;

/** A key as the log knows it: its registration, where it was registered, and its revocation if any. */
public record RegisteredKey(KeyRegistration registration, long registeredIndex, Instant revokedAt) {

    public boolean revokedAt(Instant time) {
        return revokedAt != null && !revokedAt.isAfter(time);
    }

    public boolean validAt(Instant time) {
        return !time.isBefore(registration.validFrom())
                && (registration.validUntil() == null || !time.isAfter(registration.validUntil()));
    }
}
