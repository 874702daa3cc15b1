package org.cbamledger.service.store;

import java.time.Instant;

/** The content of a {@code key-revocation} record. */
public record KeyRevocation(String keyId, Instant revokedAt, String reason) {}
