package org.cbamledger.calculation.rules;

import java.math.BigDecimal;

/**
 * One row of the Commission's default-value file (IR 2025/2621, {@code DVs_as_adopted_v20260204.xlsx}): the direct
 * value and the values with mark-up as published for 2026, 2027 and 2028 onwards. {@code route} is the file's own
 * production-route letter (K, L), empty where the file gives none.
 */
public record DefaultValueRow(
        String countryName,
        String countryCode,
        String cnCode,
        String description,
        BigDecimal directTco2PerTonne,
        BigDecimal withMarkup2026Tco2PerTonne,
        BigDecimal withMarkup2027Tco2PerTonne,
        BigDecimal withMarkup2028OnwardsTco2PerTonne,
        String route) {

    /** The first year of the published columns: before it there is no definitive-period default value. */
    public static final int FIRST_YEAR = 2026;

    /** The published marked-up value for {@code year} (2028 and every later year share one column). */
    public BigDecimal withMarkupTco2PerTonne(int year) {
        if (year < FIRST_YEAR) {
            throw new IllegalArgumentException("no default value with mark-up before " + FIRST_YEAR);
        }
        return switch (year) {
            case 2026 -> withMarkup2026Tco2PerTonne;
            case 2027 -> withMarkup2027Tco2PerTonne;
            default -> withMarkup2028OnwardsTco2PerTonne;
        };
    }

    /** The year of the published column that {@code year} reads: 2026, 2027 or 2028. */
    public static int columnYear(int year) {
        return Math.min(year, 2028);
    }
}
