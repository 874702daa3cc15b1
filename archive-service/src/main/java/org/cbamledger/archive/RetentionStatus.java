package org.cbamledger.archive;

/** Whether the backend enforces the requested retention, and why not when it does not. */
public record RetentionStatus(RetentionPolicy requested, boolean enforced, String detail) {}
