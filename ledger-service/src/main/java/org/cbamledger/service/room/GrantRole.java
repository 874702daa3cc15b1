package org.cbamledger.service.room;

import java.util.Locale;

/**
 * The role a room is granted to; a party proves it holds the role by its token scope {@code importer:<id>} or
 * {@code verifier:<id>}.
 */
public enum GrantRole {
    IMPORTER,
    VERIFIER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GrantRole fromWire(String name) {
        for (GrantRole role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role " + name + "; one of importer, verifier");
    }
}
