package org.cbamledger.verifier.bundle;

/** One entry listed in bundle.json: its log index, hex leaf hash and file. */
public record ManifestEntry(long index, String leafHashHex, String file) {}
