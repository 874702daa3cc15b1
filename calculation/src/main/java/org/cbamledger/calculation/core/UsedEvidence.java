package org.cbamledger.calculation.core;

/** A ledger entry a calculation used: by leaf index, leaf hash (hex) and kind. */
public record UsedEvidence(long leafIndex, String leafHashHex, String kind) {}
