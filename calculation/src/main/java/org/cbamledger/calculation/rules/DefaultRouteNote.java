package org.cbamledger.calculation.rules;

import org.cbamledger.calculation.core.Decimals;

/** How a statement names the default value it took: value, key, the file's route letter and whose row it is. */
public final class DefaultRouteNote {
    private DefaultRouteNote() {}

    public static String of(DefaultValue value) {
        return Decimals.plain(value.withMarkup().value()) + " tCO2e/t with mark-up (" + value.withMarkup().key()
                + (value.route().isEmpty() ? "" : ", production route " + value.route()) + ", "
                + value.withMarkup().status() + ")";
    }
}
