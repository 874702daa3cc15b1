package org.cbamledger.service.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Money as people read it in the demo's output: "EUR 23,630.03" (the statement keeps its plain decimals). */
final class Amounts {
    private Amounts() {}

    static String eur(String plainDecimal) {
        return "EUR " + String.format(Locale.ROOT, "%,.2f", new BigDecimal(plainDecimal).setScale(2, RoundingMode.HALF_EVEN));
    }
}
