package org.cbamledger.service.store;

/** An entry as stored: its index, leaf hash and canonical envelope bytes. */
public record StoredEntry(long index, byte[] leafHash, String kind, byte[] envelope) {}
