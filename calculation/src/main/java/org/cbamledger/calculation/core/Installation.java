package org.cbamledger.calculation.core;

import java.util.regex.Pattern;

/** The installation a calculation is for; its country selects the default values (ISO 3166-1 alpha-2). */
public record Installation(String installationId, String name, String countryCode) {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Installation {
        if (installationId == null || installationId.isBlank()) {
            throw new IllegalArgumentException("installationId must not be empty");
        }
        if (countryCode == null || !COUNTRY.matcher(countryCode).matches()) {
            throw new IllegalArgumentException("countryCode must be two capital letters (ISO 3166-1), not " + countryCode);
        }
    }
}
