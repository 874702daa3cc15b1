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
 * installation and one emissions record. The O3CI operator and installation ids ({@code operatorCbamId},
 * {@code installationCbamId}) and the installation's address come from the ledger's party and installation records
 * ({@link RegistryIdentity}); our own ids go in {@code otherIds}. What the records do not give is left out rather than
 * invented: an id not registered, an address without a city (the model requires one), the attestation of
 * conformance. The production method is the template's goods category, not a registry method code.
 */
public final class CatenaXCbamAspect {
    public static final String ASPECT_URN = "urn:samm:io.catenax.cbam:1.0.0#Cbam";
    private static final String ID_KEY = "cbam-ledger";

    private CatenaXCbamAspect() {}

    public static ObjectNode build(JsonNode statement) {
        return build(statement, RegistryIdentity.NONE);
    }

    public static ObjectNode build(JsonNode statement, RegistryIdentity identity) {
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
        ObjectNode operatorIds = operatorId.putObject("operatorIds");
        identity.operatorO3ciId().ifPresent(id -> operatorIds.put("operatorCbamId", id));
        otherId(operatorIds, "party", f.text("/issued/issuer"));
        operator.put("operatorNetMass", tonnes);

        ObjectNode installation = operator.putArray("installation").addObject();
        ObjectNode installationId = installation.putObject("installationIdentification");
        installationId.put("installationName", f.text("/installation/name"));
        ObjectNode ids = installationId.putObject("installationIds");
        identity.installationO3ciId().ifPresent(id -> ids.put("installationCbamId", id));
        otherId(ids, "installationId", f.text("/installation/installationId"));
        String country = Locale.of("", f.text("/installation/countryCode")).getISO3Country();
        ids.withArray("otherIds").addObject().put("key", "country").put("value", country);
        identity.city().ifPresent(city -> {
            ObjectNode address = installationId.putObject("address");
            address.put("country", country);
            address.put("city", city);
            identity.postCode().ifPresent(v -> address.put("postalCode", v));
            identity.street().ifPresent(v -> address.put("street", v));
        });
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
