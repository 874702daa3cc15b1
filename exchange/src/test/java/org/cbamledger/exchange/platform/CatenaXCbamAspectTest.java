package org.cbamledger.exchange.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.cbamledger.exchange.WorkedStatement;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class CatenaXCbamAspectTest {
    private static final String SCHEMA = "catenax-cbam-1.0.0.schema.json";

    private static void assertSame(JsonNode expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected.asString()).compareTo(actual.decimalValue()), expected + " vs " + actual);
    }

    @Test
    void build_workedExample_matchesTheModelAndCarriesTheStatementsFigures() throws Exception {
        ObjectNode statement = WorkedStatement.build();
        ObjectNode aspect = CatenaXCbamAspect.build(statement);
        assertEquals(List.of(), PlatformSchemas.violations(SCHEMA, aspect));
        JsonNode good = aspect.at("/good/0");
        assertEquals("76041090", good.get("cnCode").asString());
        JsonNode installation = good.at("/operator/0/installation/0");
        assertEquals("TR-EXTRUDER-01", installation.at("/installationIdentification/installationIds/otherIds/0/value").asString());
        assertEquals("TUR", installation.at("/installationIdentification/installationIds/otherIds/1/value").asString());
        JsonNode record = installation.at("/emissionsRecords/0");
        assertSame(statement.get("tonnes"), record.at("/activityData/netMass"));
        assertEquals("2026-01-01T00:00:00Z", record.at("/activityData/referencePeriodStart").asString());
        assertSame(statement.at("/specific/directTco2PerTonne"), record.at("/directEmissions/specificEmbeddedEmissionsDirect"));
        assertFalse(record.has("indirectEmissions"), "the worked example meters no electricity");
        assertEquals(0, record.get("carbonPricePaid").size());
        assertTrue(record.get("freeAllocationFactor").isNumber());
    }

    @Test
    void build_serbianPpa_reportsIndirectEmissionsFromThePpa() throws Exception {
        ObjectNode statement = WorkedStatement.serbian();
        ObjectNode aspect = CatenaXCbamAspect.build(statement);
        assertEquals(List.of(), PlatformSchemas.violations(SCHEMA, aspect));
        JsonNode indirect = aspect.at("/good/0/operator/0/installation/0/emissionsRecords/0/indirectEmissions");
        assertEquals("SOE02", indirect.get("sourceOfElectricity").asString());
        assertSame(statement.at("/specific/indirectTco2PerTonne"), indirect.get("specificEmbeddedEmissionsIndirect"));
        assertTrue(indirect.get("electricityConsumedMwhPerTonnesGood").decimalValue().signum() > 0);
    }

    @Test
    void build_carbonPricePaidAbroad_isReportedWithItsDeclarant() throws Exception {
        ObjectNode statement = WorkedStatement.build();
        ((ObjectNode) statement.get("cost")).put("carbonPricePaidAbroadEur", new BigDecimal("1250.50"));
        ObjectNode aspect = CatenaXCbamAspect.build(statement);
        assertEquals(List.of(), PlatformSchemas.violations(SCHEMA, aspect));
        JsonNode paid = aspect.at("/good/0/operator/0/installation/0/emissionsRecords/0/carbonPricePaid/0");
        assertEquals(0, new BigDecimal("1250.50").compareTo(paid.get("amountOfCarbonPricePaid").decimalValue()));
        assertEquals("TUR", paid.get("countryCode").asString());
    }

    @Test
    void build_withTheInstallationAndPartyRecords_carriesTheO3ciIdsAndTheAddress() throws Exception {
        ObjectNode installation = JsonNodeFactory.instance.objectNode().put("kind", "installation")
                .put("installationId", "TR-EXTRUDER-01").put("operator", "extruder").put("name", "Example extrusion plant")
                .put("country", "TR").put("address", "Organize Sanayi Bolgesi 3. Cadde 12").put("postCode", "16140")
                .put("city", "Bursa").put("o3ciInstallationId", "TR-O3CI-INST-000123");
        installation.putArray("cnCodes").add("76041090");
        ObjectNode party = JsonNodeFactory.instance.objectNode().put("kind", "party").put("partyId", "extruder")
                .put("name", "Example Extrusion A.S.").put("partyType", "operator").put("country", "TR")
                .put("o3ciOperatorId", "TR-O3CI-OP-000045");
        RecordValidator.validate(installation); // the api-spec schemas take the new members
        RecordValidator.validate(party);

        ObjectNode aspect = CatenaXCbamAspect.build(WorkedStatement.build(), RegistryIdentity.of(installation, party));
        assertEquals(List.of(), PlatformSchemas.violations(SCHEMA, aspect));
        JsonNode operator = aspect.at("/good/0/operator/0");
        assertEquals("TR-O3CI-OP-000045", operator.at("/operatorIdentification/operatorIds/operatorCbamId").asString());
        JsonNode id = operator.at("/installation/0/installationIdentification");
        assertEquals("TR-O3CI-INST-000123", id.at("/installationIds/installationCbamId").asString());
        assertEquals("Bursa", id.at("/address/city").asString());
        assertEquals("TUR", id.at("/address/country").asString());
        assertEquals("16140", id.at("/address/postalCode").asString());
        assertEquals("Organize Sanayi Bolgesi 3. Cadde 12", id.at("/address/street").asString());
    }

    @Test
    void build_withoutACity_leavesTheAddressOut_andRefusesARecordOfAnotherKind() throws Exception {
        ObjectNode installation = JsonNodeFactory.instance.objectNode().put("kind", "installation").put("address", "Street 1");
        ObjectNode aspect = CatenaXCbamAspect.build(WorkedStatement.build(), RegistryIdentity.of(installation, null));
        assertEquals(List.of(), PlatformSchemas.violations(SCHEMA, aspect));
        assertTrue(aspect.at("/good/0/operator/0/installation/0/installationIdentification/address").isMissingNode());
        assertTrue(aspect.at("/good/0/operator/0/operatorIdentification/operatorIds/operatorCbamId").isMissingNode());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RegistryIdentity.of(installation, installation));
        assertEquals("expected a party record, got installation", e.getMessage());
    }

    @Test
    void schema_refusesAnAspectWithoutCnCode() throws Exception {
        ObjectNode aspect = CatenaXCbamAspect.build(WorkedStatement.build());
        ((ObjectNode) aspect.at("/good/0")).remove("cnCode");
        assertNotEquals(List.of(), PlatformSchemas.violations(SCHEMA, aspect), "the schema check can fail");
    }
}
