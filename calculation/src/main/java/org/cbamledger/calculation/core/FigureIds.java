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
    // aluminium parameters of IR 2025/2547 Annex IV (method.AluminiumParameters)
    public static final String ALUMINIUM_SCRAP_TONNES = "aluminium.scrapTonnes";
    public static final String ALUMINIUM_PRE_CONSUMER_SCRAP_TONNES = "aluminium.preConsumerScrapTonnes";
    public static final String ALUMINIUM_PRE_CONSUMER_SCRAP_FRACTION = "aluminium.preConsumerScrapFraction";
    public static final String ALUMINIUM_PRE_CONSUMER_SCRAP_PERCENT = "aluminium.preConsumerScrapPercent";
    public static final String ALUMINIUM_OTHER_ELEMENTS_TONNES = "aluminium.otherElementsTonnes";
    public static final String ALUMINIUM_OTHER_ELEMENTS_FRACTION = "aluminium.otherElementsFraction";
    public static final String ALUMINIUM_OTHER_ELEMENTS_PERCENT = "aluminium.otherElementsPercent";

    private FigureIds() {}

    public static String fuelEmissions(String recordId) {
        return "fuel." + recordId + ".emissionsTco2";
    }

    public static String precursor(String supplierInstallationId, String cnCode, String figure) {
        return "precursor." + supplierInstallationId + "." + cnCode + "." + figure;
    }

    /** A figure of one production batch. */
    public static String batch(String batchId, String figure) {
        return "batch." + batchId + "." + figure;
    }

    /** A scrap figure of one precursor line (CN 7602 from one supplier installation). */
    public static String aluminiumScrap(String supplierInstallationId, String cnCode, String figure) {
        return "aluminium.scrap." + supplierInstallationId + "." + cnCode + "." + figure;
    }

    /** Figures of one cost route: {@code actual} or {@code default}. */
    public static String cost(String route, String figure) {
        return "cost." + route + "." + figure;
    }
}
