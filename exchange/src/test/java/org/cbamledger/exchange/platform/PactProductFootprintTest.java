package org.cbamledger.exchange.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.List;
import org.cbamledger.exchange.WorkedStatement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class PactProductFootprintTest {
    private static final String SCHEMA = "pact-3.0.0-product-footprint.schema.json";

    @Test
    void build_workedExample_isAValidFootprintPerTonneInKilograms() throws Exception {
        ObjectNode statement = WorkedStatement.build();
        ObjectNode pf = PactProductFootprint.build(statement);
        assertEquals(List.of(), PlatformSchemas.violations(SCHEMA, pf));
        BigDecimal expectedKg = new BigDecimal(statement.at("/specific/totalTco2PerTonne").asString()).multiply(BigDecimal.valueOf(1000));
        assertEquals(0, expectedKg.compareTo(new BigDecimal(pf.at("/pcf/pcfExcludingBiogenicUptake").asString())));
        assertEquals("1000", pf.at("/pcf/declaredUnitAmount").asString());
        assertEquals("TR", pf.at("/pcf/geographyCountry").asString());
        assertEquals("2026-12-31T23:59:59Z", pf.at("/pcf/referencePeriodEnd").asString());
    }

    @Test
    void build_sameStatement_keepsItsId_anotherStatementGetsAnother() throws Exception {
        ObjectNode statement = WorkedStatement.build();
        String id = PactProductFootprint.build(statement).get("id").asString();
        assertEquals(id, PactProductFootprint.build(WorkedStatement.build()).get("id").asString());
        ((ObjectNode) statement.get("issued")).put("statementId", "st-2");
        assertNotEquals(id, PactProductFootprint.build(statement).get("id").asString());
    }

    @Test
    void schema_refusesAFootprintWithNumbersInsteadOfDecimalStrings() throws Exception {
        ObjectNode pf = PactProductFootprint.build(WorkedStatement.build());
        ((ObjectNode) pf.get("pcf")).put("pcfExcludingBiogenicUptake", 215.28);
        assertNotEquals(List.of(), PlatformSchemas.violations(SCHEMA, pf), "the schema check can fail");
    }
}
