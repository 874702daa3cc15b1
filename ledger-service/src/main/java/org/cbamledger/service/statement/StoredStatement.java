package org.cbamledger.service.statement;

/**
 * A statement as stored: its id, the statement-issuer key that signed it, the size of the checkpoint it was made
 * under, the compact JWS, its payload (the statement's RFC 8785 bytes) and the PDF rendered from it.
 */
public record StoredStatement(String logId, String statementId, String keyId, long treeSize, String jws,
        byte[] statementJson, byte[] pdf) {}
