package org.cbamledger.calculation.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class ExactSumTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static BigDecimal exact(List<JsonNode> nodes) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode node : nodes) {
            sum = sum.add(Decimals.fromJson(node));
        }
        return Decimals.normalize(sum);
    }

    private static ExactSum sum(List<JsonNode> nodes) {
        ExactSum sum = new ExactSum();
        nodes.forEach(sum::add);
        return sum;
    }

    @Test
    void sum_equalsTheBigDecimalSum_forIntegerFastAndSlowFields() {
        List<JsonNode> nodes = List.of(F.stringNode("12.345"), F.stringNode("-0.5"), F.stringNode("0"),
                F.stringNode("0.0000000001"), F.stringNode("123456789012345678.9"), F.stringNode("999999999999999999"),
                F.numberNode(2.5), F.numberNode(7), F.stringNode("-0"), F.stringNode("1.100000000"));
        ExactSum sum = sum(nodes);
        assertEquals(exact(nodes), sum.value());
        assertEquals(nodes.size(), sum.fields());
    }

    @Test
    void sum_ofManyRandomReadings_equalsTheBigDecimalSum_evenPastTheLongsRange() {
        Random random = new Random(14);
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            nodes.add(F.stringNode(BigDecimal.valueOf(random.nextLong(0, 1L << 50), random.nextInt(0, 10)).toPlainString()));
        }
        assertEquals(exact(nodes), sum(nodes).value());
    }

    @Test
    void add_refusesWhatDecimalsRefuses_andCountsNothing() {
        ExactSum sum = new ExactSum();
        for (String text : List.of("01", "1.", ".5", "-", "", "1e3", "+1", "1.2.3", " 1", "0x10")) {
            assertFalse(sum.add(F.stringNode(text)), text);
            assertFalse(Decimals.isDecimal(F.stringNode(text)), text);
        }
        assertFalse(sum.add(F.booleanNode(true)));
        assertEquals(0, sum.fields());
        assertEquals(BigDecimal.ZERO, sum.value());
    }
}
