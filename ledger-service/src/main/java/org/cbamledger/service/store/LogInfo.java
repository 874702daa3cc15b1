package org.cbamledger.service.store;

import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;

/**
 * A log's identity and its own Ed25519 key, which signs its checkpoints (as a C2SP note key named by the
 * origin) and the entries the service writes itself (see {@link org.cbamledger.service.log.LogAuthoredEntries}).
 */
public record LogInfo(String logId, String origin, String operatorName, SigningKey noteKey) {

    public static String originOf(String logId) {
        return "cbam-ledger/" + logId;
    }

    public NoteSigner noteSigner() {
        return new NoteSigner(origin, noteKey);
    }
}
