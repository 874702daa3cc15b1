package org.cbamledger.calculation.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Money as people read it: "EUR 23,630.03" (statements keep their plain decimals). */
public final class Amounts {
    private Amounts() {}

    public static String eur(String plainDecimal) {
        return "EUR " + String.format(Locale.ROOT, "%,.2f", new BigDecimal(plainDecimal).setScale(2, RoundingMode.HALF_EVEN));
    }
}
