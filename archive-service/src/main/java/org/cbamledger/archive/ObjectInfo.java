package org.cbamledger.archive;

import java.time.Instant;
import java.util.Optional;

/** What the store tells about one object; retainUntil is empty where no retention applies. */
public record ObjectInfo(String key, long sizeBytes, String contentType, Optional<Instant> retainUntil) {}
