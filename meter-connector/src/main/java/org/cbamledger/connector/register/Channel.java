package org.cbamledger.connector.register;

/** What a register holds, in the unit the connector reports it in. */
public enum Channel {
    /** Cumulative imported active energy, the counter intervals are computed from. */
    ACTIVE_ENERGY_IMPORT_KWH,
    ACTIVE_POWER_KW,
    REACTIVE_POWER_KVAR,
    VOLTAGE_L1_V;

    public boolean isCounter() {
        return this == ACTIVE_ENERGY_IMPORT_KWH;
    }
}
