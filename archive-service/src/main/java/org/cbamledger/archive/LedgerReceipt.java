package org.cbamledger.archive;

/** Where the ledger put an appended entry: its index and leaf hash (lowercase hex, RFC 9162 §2.1.1). */
public record LedgerReceipt(long index, String leafHash) {}
