package org.cbamledger.service.store;

/** A meter gateway's numbering of its reading batches: one leaf per (device, sequence). */
public record DeviceBatch(String deviceId, long sequence) {}
