package org.cbamledger.service.log;

import java.util.List;

/**
 * A new log: its checkpoint verifier key, its root key and its first two receipts.
 * {@code generatedRootKeyPkcs8} is set only when the service generated the root key; it is not stored.
 */
public record CreatedLog(
        String logId, String origin, String logVerifierKey, String rootKeyId, byte[] generatedRootKeyPkcs8,
        List<Receipt> receipts) {}
