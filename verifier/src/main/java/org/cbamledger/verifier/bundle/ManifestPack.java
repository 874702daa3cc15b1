package org.cbamledger.verifier.bundle;

/** One packed entries file a v2 bundle.json lists: its name and how many entries it holds. */
public record ManifestPack(String file, long entries) {}
