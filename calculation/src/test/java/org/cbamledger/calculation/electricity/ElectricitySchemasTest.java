package org.cbamledger.calculation.electricity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import org.cbamledger.spec.RecordValidationException;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The electricity evidence kinds of api-spec: their valid examples validate, and the rules the schemas carry hold. */
class ElectricitySchemasTest {
    static final List<String> KINDS = List.of("ppa-contract", "generation-data", "supply-settlement", "go-issuance", "go-transfer",
            "go-cancellation", "producer-declaration", "meter-role", "allocation-model");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ObjectNode example(String kind) throws Exception {
        try (InputStream in = ElectricitySchemasTest.class.getResourceAsStream("/vectors/records/valid/" + kind + ".json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ppa-contract", "generation-data", "supply-settlement", "go-issuance", "go-transfer", "go-cancellation",
            "producer-declaration", "meter-role", "allocation-model"})
    void validExample_matchesItsSchema(String kind) throws Exception {
        JsonNode record = example(kind);
        assertEquals(kind, record.path("kind").asString());
        RecordValidator.validateAgainst(kind, record);
    }

    private static String failure(String kind, ObjectNode record) {
        return assertThrows(RecordValidationException.class, () -> RecordValidator.validateAgainst(kind, record)).getMessage();
    }

    @Test
    void producerDeclaration_withoutTheNoDoubleCountingWarranty_isRejected() throws Exception {
        ObjectNode declaration = example("producer-declaration");
        declaration.put("notDoubleCounted", false);
        assertTrue(failure("producer-declaration", declaration).contains("/notDoubleCounted"));
    }

    @Test
    void generationGap_withAValue_isRejected() throws Exception {
        ObjectNode generation = example("generation-data");
        ((ObjectNode) generation.at("/intervals/1")).put("energyMwh", "3.2");
        assertTrue(failure("generation-data", generation).startsWith("record does not match schema generation-data: /intervals/1"));
    }

    @Test
    void backupGenerationMeter_withoutAnEmissionFactor_isRejected() throws Exception {
        ObjectNode role = example("meter-role");
        role.remove("emissionFactorId");
        // the schema's rule for generation meters: exactly one of emissionFactorId and emissionFactorTco2PerMwh
        assertEquals("record does not match schema meter-role: /: must be valid to one and only one schema, but 0 are valid",
                failure("meter-role", role));
        role.put("emissionFactorTco2PerMwh", "0.72");
        RecordValidator.validateAgainst("meter-role", role);
        role.put("emissionFactorId", "diesel-genset");
        assertEquals("record does not match schema meter-role: /: must be valid to one and only one schema,"
                + " but 2 are valid with indexes '0, 1'", failure("meter-role", role));
    }

    @Test
    void settlement_withEnergyAsJsonNumber_isRejected() throws Exception {
        ObjectNode settlement = example("supply-settlement");
        settlement.put("deliveredMwh", 5950);
        assertTrue(failure("supply-settlement", settlement).contains("/deliveredMwh"));
    }
}
