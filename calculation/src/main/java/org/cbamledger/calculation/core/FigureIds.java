package org.cbamledger.calculation.core;

/** Ids of the headline figures of every calculation; per-record figures are named after the record's id. */
public final class FigureIds {
    public static final String TONNES = "production.tonnesOut";
    public static final String TONNES_EU = "production.tonnesOutEu";
    public static final String INSTALLATION_DIRECT = "emissions.installationDirectTco2";
    public static final String INSTALLATION_INDIRECT = "emissions.installationIndirectTco2";
    public static final String PRECURSOR_DIRECT = "emissions.precursorDirectTco2";
    public static final String PRECURSOR_INDIRECT = "emissions.precursorIndirectTco2";
    public static final String DIRECT = "emissions.directTco2";
    public static final String INDIRECT = "emissions.indirectTco2";
    public static final String TOTAL = "emissions.totalTco2";
    public static final String PRECURSOR_EMISSIONS = "emissions.precursorTco2";
    public static final String PRECURSOR_SHARE_FRACTION = "emissions.precursorShareFraction";
    public static final String PRECURSOR_SHARE_PERCENT = "emissions.precursorSharePercent";
    public static final String SPECIFIC_DIRECT = "specific.directTco2PerTonne";
    public static final String SPECIFIC_INDIRECT = "specific.indirectTco2PerTonne";
    public static final String SPECIFIC_TOTAL = "specific.totalTco2PerTonne";
    public static final String SPECIFIC_CHARGED = "specific.chargedTco2PerTonne";
    public static final String DEFAULT_DIRECT = "defaultRoute.directValueTco2PerTonne";
    public static final String DEFAULT_MARKUP_PERCENT = "defaultRoute.markupPercent";
    public static final String DEFAULT_WITH_MARKUP = "defaultRoute.valueWithMarkupTco2PerTonne";
    public static final String ACTUAL_EUR = "cost.actualEur";
    public static final String DEFAULT_EUR = "cost.defaultEur";
    public static final String SAVING_EUR = "cost.savingEur";

    private FigureIds() {}

    public static String fuelEmissions(String recordId) {
        return "fuel." + recordId + ".emissionsTco2";
    }

    public static String precursor(String supplierInstallationId, String cnCode, String figure) {
        return "precursor." + supplierInstallationId + "." + cnCode + "." + figure;
    }

    /** Figures of one cost route: {@code actual} or {@code default}. */
    public static String cost(String route, String figure) {
        return "cost." + route + "." + figure;
    }
}
