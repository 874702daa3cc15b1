package org.cbamledger.verifier.bundle;

/** A file the manifest lists but the bundle lacks, or a file the bundle holds but the layout does not allow. */
public record LayoutProblem(String file, String message) {}
