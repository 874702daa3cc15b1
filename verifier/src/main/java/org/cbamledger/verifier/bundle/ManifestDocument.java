package org.cbamledger.verifier.bundle;

/** One document listed in bundle.json; an erased document has no file, only its hash. */
public record ManifestDocument(String sha256Hex, String file, boolean erased) {}
