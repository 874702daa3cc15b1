package org.cbamledger.spec;

import java.util.List;

/** The record kinds of schema version v1: each has schemas/v1/<kind>.schema.json on the classpath. */
public final class Kinds {
    public static final String PARTY = "party";
    public static final String KEY_REGISTRATION = "key-registration";
    public static final String KEY_REVOCATION = "key-revocation";
    public static final String INSTALLATION = "installation";
    public static final String METER = "meter";
    public static final String METER_READING_BATCH = "meter-reading-batch";
    public static final String CORRECTION = "correction";

    /** Every known kind, in the order a log typically first sees them. */
    public static final List<String> ALL = List.of(
            PARTY, KEY_REGISTRATION, KEY_REVOCATION, INSTALLATION, METER, METER_READING_BATCH, CORRECTION);

    private Kinds() {}

    public static boolean isKnown(String kind) {
        return ALL.contains(kind);
    }
}
