package org.cbamledger.service.log;

import org.cbamledger.signer.NoteSigner;

/** A log's identity and its checkpoint signer. */
public record LogInfo(String logId, String origin, String operatorName, NoteSigner noteSigner) {

    public static String originOf(String logId) {
        return "cbam-ledger/" + logId;
    }
}
