package org.cbamledger.exchange.platform;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A statement as a WBCSD PACT v3 ProductFootprint: one tonne of the good (declared unit 1,000 kilogram), its footprint
 * in kgCO2e being the statement's specific embedded emissions (direct + indirect, precursors included) times 1,000.
 * The boundary is CBAM's (Regulation 2023/956 Annex IV), narrower than cradle-to-gate: the comment says so. Decimals
 * are strings, as PACT asks. The id is a name-based UUID of the statement id, so the same statement keeps its id.
 */
public final class PactProductFootprint {
    public static final String SPEC_VERSION = "3.0.0";
    private static final BigDecimal KG_PER_TONNE = BigDecimal.valueOf(1000);

    private PactProductFootprint() {}

    public static ObjectNode build(JsonNode statement) {
        StatementFigures f = new StatementFigures(statement);
        String statementId = f.text("/issued/statementId");
        ObjectNode pf = JsonNodeFactory.instance.objectNode();
        pf.put("id", UUID.nameUUIDFromBytes(("cbam-ledger:statement:" + statementId).getBytes(StandardCharsets.UTF_8)).toString());
        pf.put("specVersion", SPEC_VERSION);
        pf.put("created", f.text("/issued/issuedAt"));
        pf.put("status", "Active");
        pf.put("companyName", f.text("/issued/issuer"));
        pf.putArray("companyIds").add("urn:cbam-ledger:party:" + f.text("/issued/issuer"));
        pf.put("productDescription", "CN " + f.text("/cnCode") + " from installation " + f.text("/installation/name"));
        pf.putArray("productIds").add("urn:cbam-ledger:installation:" + f.text("/installation/installationId") + ":cn:" + f.cnCodeEightDigits());
        pf.putArray("productClassifications").add("urn:pact:productclassification:cn:" + f.cnCodeEightDigits());
        pf.put("productNameCompany", "CN " + f.text("/cnCode"));
        pf.put("comment", "CBAM specific embedded emissions (direct and indirect, precursors included) of cbam-ledger statement "
                + statementId + ", rule set " + f.text("/ruleSet/id") + "; CBAM boundary, not a cradle-to-gate assessment");

        ObjectNode pcf = pf.putObject("pcf");
        pcf.put("declaredUnitOfMeasurement", "kilogram");
        pcf.put("declaredUnitAmount", KG_PER_TONNE.toPlainString());
        pcf.put("productMassPerDeclaredUnit", KG_PER_TONNE.toPlainString());
        pcf.put("referencePeriodStart", f.text("/period/from") + "T00:00:00Z");
        pcf.put("referencePeriodEnd", f.text("/period/to") + "T23:59:59Z");
        pcf.put("geographyCountry", f.text("/installation/countryCode").toUpperCase(Locale.ROOT));
        pcf.put("boundaryProcessesDescription", "CBAM system boundary of the installation's production processes, "
                + "with the embedded emissions of purchased precursors");
        String total = kg(f.at("/specific/totalTco2PerTonne"));
        pcf.put("pcfExcludingBiogenicUptake", total);
        pcf.put("pcfIncludingBiogenicUptake", total);
        pcf.put("fossilGhgEmissions", total);
        pcf.put("biogenicCO2Uptake", "0");
        pcf.put("packagingEmissionsIncluded", false);
        pcf.putArray("ipccCharacterizationFactors").add("AR5");
        pcf.putArray("crossSectoralStandards").add("PACT-3.0");
        pcf.put("exemptedEmissionsPercent", "0");
        return pf;
    }

    private static String kg(BigDecimal tco2PerTonne) {
        return tco2PerTonne.multiply(KG_PER_TONNE).stripTrailingZeros().toPlainString();
    }
}
