package org.cbamledger.exchange.platform;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.cbamledger.calculation.core.FigureIds;
import org.cbamledger.calculation.electricity.ElectricityLedgerResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A statement as the Catena-X CBAM aspect ({@code urn:samm:io.catenax.cbam:1.0.0#Cbam}): one good, its operator,
 * installation and one emissions record. What the statement does not know is left out rather than invented: the
 * O3CI operator and installation ids (our ids go in {@code otherIds}), the address (the model requires a city), the
 * attestation of conformance. The production method is the template's goods category, not a registry method code.
 */
public final class CatenaXCbamAspect {
    public static final String ASPECT_URN = "urn:samm:io.catenax.cbam:1.0.0#Cbam";
    private static final String ID_KEY = "cbam-ledger";

    private CatenaXCbamAspect() {}

    public static ObjectNode build(JsonNode statement) {
        StatementFigures f = new StatementFigures(statement);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        BigDecimal tonnes = f.at("/tonnes");
        String statementId = f.text("/issued/statementId");

        ObjectNode aspect = nodes.objectNode();
        ObjectNode good = aspect.putArray("good").addObject();
        good.put("cnCode", f.cnCodeEightDigits());
        good.put("productDescription", "CN " + f.text("/cnCode") + ", cbam-ledger statement " + statementId);
        ObjectNode operator = good.putArray("operator").addObject();
        ObjectNode operatorId = operator.putObject("operatorIdentification");
        operatorId.put("operatorIsSupplier", true);
        operatorId.put("operatorName", f.text("/issued/issuer"));
        otherId(operatorId.putObject("operatorIds"), "party", f.text("/issued/issuer"));
        operator.put("operatorNetMass", tonnes);

        ObjectNode installation = operator.putArray("installation").addObject();
        ObjectNode installationId = installation.putObject("installationIdentification");
        installationId.put("installationName", f.text("/installation/name"));
        ObjectNode ids = installationId.putObject("installationIds");
        otherId(ids, "installationId", f.text("/installation/installationId"));
        ids.withArray("otherIds").addObject().put("key", "country")
                .put("value", Locale.of("", f.text("/installation/countryCode")).getISO3Country());
        installation.put("installationNetMass", tonnes);

        ObjectNode record = installation.putArray("emissionsRecords").addObject();
        ObjectNode method = record.putObject("productionMethod");
        method.put("methodId", f.cnCodeEightDigits().startsWith("7601") ? "Unwrought aluminium" : "Aluminium products");
        method.put("additionalInformation", "goods category of the EU communication template; no registry method code recorded");
        ObjectNode activity = record.putObject("activityData");
        activity.put("referencePeriodStart", f.text("/period/from") + "T00:00:00Z");
        activity.put("referencePeriodEnd", f.text("/period/to") + "T23:59:59Z");
        activity.put("netMass", tonnes);
        ObjectNode direct = record.putObject("directEmissions");
        direct.put("specificEmbeddedEmissionsDirect", f.at("/specific/directTco2PerTonne"));
        direct.put("additionalInformation", "cbam-ledger statement " + statementId + ", rule set " + f.text("/ruleSet/id")
                + "; includes precursors' direct emissions");
        indirect(f, tonnes).ifPresent(i -> record.set("indirectEmissions", i));
        f.figure(FigureIds.cost("actual", "freeAllocationTco2PerTonne")).ifPresent(v -> record.put("freeAllocationFactor", v));
        ArrayNode paid = record.putArray("carbonPricePaid");
        BigDecimal paidEur = f.at("/cost/carbonPricePaidAbroadEur");
        if (paidEur.signum() > 0) {
            ObjectNode price = paid.addObject();
            price.put("amountOfCarbonPricePaid", paidEur);
            price.put("currency", "EUR");
            price.put("countryCode", Locale.of("", f.text("/installation/countryCode")).getISO3Country());
            // the ledger does not record who attested the payment; the statement's issuer declares it
            price.putObject("independentPersonId").put("key", "statementIssuer").put("value", f.text("/issued/issuer"));
        }
        return aspect;
    }

    /** Present only where the statement metered electricity: the model requires every indirect member. */
    private static Optional<ObjectNode> indirect(StatementFigures f, BigDecimal tonnes) {
        Optional<BigDecimal> mwh = f.figure(ElectricityLedgerResult.TOTAL_MWH).filter(v -> v.signum() > 0);
        Optional<BigDecimal> tco2 = f.figure(ElectricityLedgerResult.TOTAL_TCO2);
        if (mwh.isEmpty() || tco2.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("sourceOfElectricity", ElectricitySource.largest(f).name());
        node.put("electricityConsumedMwhPerTonnesGood", StatementFigures.per(mwh.get(), tonnes));
        node.put("emissionFactorTonnesCo2PerMwh", StatementFigures.per(tco2.get(), mwh.get()));
        node.put("specificEmbeddedEmissionsIndirect", f.at("/specific/indirectTco2PerTonne"));
        node.put("sourceOfEmissionFactor", "01");
        node.put("sourceOfEmissionFactorValue", "metered electricity by evidence class (cbam-ledger electricity ledger)");
        return Optional.of(node);
    }

    private static void otherId(ObjectNode ids, String what, String value) {
        ids.withArray("otherIds").addObject().put("key", ID_KEY + ":" + what).put("value", value);
    }
}
