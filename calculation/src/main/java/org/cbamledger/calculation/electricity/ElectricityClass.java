package org.cbamledger.calculation.electricity;

/** The classes of metered electricity (seed 002); wire names as api-spec electricity-consumption {@code source}. */
public enum ElectricityClass {
    PPA_RENEWABLE("ppa-renewable"),
    ON_SITE_RENEWABLE("on-site-renewable"),
    DIRECT_LINE("direct-line"),
    GRID("grid"),
    BACKUP_FOSSIL("backup-fossil"),
    REPLACEMENT("replacement"),
    UNVERIFIED("unverified");

    private final String wireName;

    ElectricityClass(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
