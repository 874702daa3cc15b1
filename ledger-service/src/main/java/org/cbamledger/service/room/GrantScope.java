package org.cbamledger.service.room;

import java.util.Locale;

/** What a grant lets its party do in a room (CONTRACTS.md, data rooms). */
public enum GrantScope {
    /** The room's ledger entries with inclusion proofs; calculations are entries of kind {@code calculation}. */
    ENTRIES,
    /** The archived documents the room's entries anchor. */
    DOCUMENTS,
    /** The emissions statements the room covers (for an importer: those issued to it). */
    STATEMENTS,
    /** The room's evidence bundle, a zip the offline verifier checks. */
    BUNDLE,
    /** The web view of the room's evidence. */
    VIEW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GrantScope fromWire(String name) {
        for (GrantScope scope : values()) {
            if (scope.wireName().equals(name)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown grant scope " + name + "; one of entries, documents, statements, bundle, view");
    }
}
