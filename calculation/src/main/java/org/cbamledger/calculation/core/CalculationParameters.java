package org.cbamledger.calculation.core;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The declarant's choices recorded with a calculation: the certificate price period ({@code 2026-Q1}: the rule key
 * {@code certificatePrice.2026-Q1}) and the carbon price effectively paid abroad for these goods, in EUR.
 */
public record CalculationParameters(String certificatePricePeriod, BigDecimal carbonPricePaidAbroadEur) {
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-[A-Z0-9]{1,4}");

    public CalculationParameters {
        if (certificatePricePeriod == null || !PERIOD.matcher(certificatePricePeriod).matches()) {
            throw new IllegalArgumentException("certificatePricePeriod must look like 2026-Q1, not " + certificatePricePeriod);
        }
        if (carbonPricePaidAbroadEur == null || carbonPricePaidAbroadEur.signum() < 0) {
            throw new IllegalArgumentException("carbonPricePaidAbroadEur must be zero or more");
        }
        carbonPricePaidAbroadEur = Decimals.normalize(carbonPricePaidAbroadEur);
    }
}
