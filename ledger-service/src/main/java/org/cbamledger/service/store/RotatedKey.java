package org.cbamledger.service.store;

import java.time.Instant;
import org.cbamledger.signer.SigningKey;

/** A note key a log rotated to ({@code verifierKey}: its C2SP vkey line): it signs checkpoints from {@code fromSize}. */
public record RotatedKey(SigningKey noteKey, String verifierKey, long fromSize, Instant createdAt) {}
