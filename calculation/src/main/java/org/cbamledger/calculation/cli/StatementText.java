package org.cbamledger.calculation.cli;

import java.io.PrintStream;
import org.cbamledger.calculation.method.AluminiumParameters;
import tools.jackson.databind.JsonNode;

/** The figures of a statement for people, read from the statement itself so that both always agree. */
final class StatementText {
    private StatementText() {}

    static void print(JsonNode s, PrintStream out) {
        out.println("installation " + s.at("/installation/installationId").asString() + " (" + s.at("/installation/countryCode").asString()
                + "), " + s.at("/period/from").asString() + " to " + s.at("/period/to").asString() + ", CN " + s.path("cnCode").asString());
        out.println("rule set " + s.at("/ruleSet/id").asString() + " (sha256 " + s.at("/ruleSet/sha256").asString() + "), charged basis "
                + s.at("/specific/chargedBasis").asString() + ", " + s.at("/ruleSet/overrides").size() + " override(s)");
        out.println("production: " + s.path("tonnes").asString() + " t, for the EU " + s.path("tonnesEu").asString() + " t");
        JsonNode e = s.path("emissions");
        out.println("emissions (t CO2): installation direct " + e.path("installationDirectTco2").asString() + ", installation indirect "
                + e.path("installationIndirectTco2").asString() + ", precursors direct " + e.path("precursorDirectTco2").asString()
                + ", precursors indirect " + e.path("precursorIndirectTco2").asString());
        out.println("  direct " + e.path("directTco2").asString() + ", indirect " + e.path("indirectTco2").asString() + ", total "
                + e.path("totalTco2").asString() + (e.has("precursorSharePercent")
                        ? ", share from precursors " + e.path("precursorSharePercent").asString() + " %" : ""));
        JsonNode sp = s.path("specific");
        out.println("specific (t CO2/t): direct " + sp.path("directTco2PerTonne").asString() + ", indirect "
                + sp.path("indirectTco2PerTonne").asString() + ", total " + sp.path("totalTco2PerTonne").asString() + ", charged "
                + sp.path("chargedTco2PerTonne").asString());
        for (JsonNode p : s.path("precursors")) {
            out.println("precursor " + p.path("cnCode").asString() + " from " + p.path("supplierInstallationId").asString() + " (origin "
                    + p.path("countryOfOrigin").asString() + ", " + p.path("source").asString() + "): " + p.path("massTonnes").asString()
                    + " t, direct " + p.path("directTco2").asString() + ", indirect " + p.path("indirectTco2").asString() + " t CO2");
        }
        JsonNode d = s.path("defaultRoute");
        out.println("default route: " + d.path("defaultValueTco2PerTonne").asString() + " t CO2e/t direct, with the "
                + d.path("markupPercent").asString() + " % mark-up as published " + d.path("valueWithMarkupTco2PerTonne").asString()
                + " t CO2e/t");
        out.println("aluminium (Annex IV): " + aluminium(s.path("aluminium")));
        JsonNode c = s.path("cost");
        if (c.has("notComputable")) {
            out.println("cost (" + c.path("certificatePricePeriod").asString() + "): " + c.path("notComputable").asString());
        } else {
            out.println("cost: certificate price " + c.path("certificatePriceEur").asString() + " EUR (" + c.path("certificatePricePeriod").asString()
                    + "), CBAM factor " + c.path("cbamFactor").asString() + ", benchmarks " + c.path("benchmarkActualTco2PerTonne").asString()
                    + " / " + c.path("benchmarkDefaultTco2PerTonne").asString() + " t/t");
            out.println("  actual EUR " + c.path("actualEur").asString() + ", default values EUR " + c.path("defaultEur").asString()
                    + ", saving by proof EUR " + c.path("savingEur").asString());
        }
        for (JsonNode note : s.path("notes")) {
            out.println("note: " + note.asString());
        }
    }

    /** The two parameters, each a figure or why it is not computable; t scrap per t is in the precursor lines (CN 7602). */
    private static String aluminium(JsonNode a) {
        if (a.isMissingNode()) {
            return AluminiumParameters.NOT_REPORTED;
        }
        return "pre-consumer scrap " + (a.has("preConsumerScrapPercent") ? a.path("preConsumerScrapPercent").asString() + " %"
                : a.path("preConsumerScrapNotComputable").asString()) + "; elements other than aluminium "
                + (a.has("otherElementsPercent") ? a.path("otherElementsPercent").asString() + " %"
                        : a.path("otherElementsNotComputable").asString());
    }
}
