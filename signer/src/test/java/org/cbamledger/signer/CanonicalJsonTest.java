package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class CanonicalJsonTest {
    private static String canon(String json) throws SignerException {
        return new String(CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void sha256_ofATreeOfManyChunks_isTheDigestOfItsCanonicalBytes() throws SignerException {
        var entries = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 20_000; i++) {
            entries.addObject().put("leafIndex", i).put("note", "\u20ac " + i + " \uD834\uDD1E \"q\"\n").put("kind", "meter-reading-batch");
        }
        byte[] whole = CanonicalJson.canonicalize(entries);
        assertTrue(whole.length > 4 << 16, "several chunks: " + whole.length);
        assertArrayEquals(Sha256.digest(whole), CanonicalJson.sha256(entries));
    }

    @Test
    void canonicalize_matchesRfc8785Section322Example() throws SignerException {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50,
                              2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;
        assertEquals("{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", canon(input));
    }

    @Test
    void canonicalize_sortsByUtf16CodeUnitsAsRfc8785Section323() throws SignerException {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;
        assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
                canon(input));
    }

    // RFC 8785 Appendix B
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2"
    })
    void numbers_serializeAsRfc8785AppendixB(String ieeeHex, String expected) throws SignerException {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
        assertEquals(expected, EcmaScriptNumber.format(value));
        assertEquals(expected, new String(CanonicalJson.canonicalize(JsonNodeFactory.instance.numberNode(value)),
                StandardCharsets.UTF_8));
        // The text form parses back to the same double and canonicalizes the same way, except that an
        // integer literal a double cannot hold exactly is refused rather than silently rounded.
        boolean inexactInteger = expected.matches("-?[0-9]+")
                && new java.math.BigDecimal(value).toBigInteger().compareTo(new java.math.BigInteger(expected)) != 0;
        if (inexactInteger) {
            assertThrows(SignerException.class, () -> canon(expected));
        } else {
            assertEquals(expected, canon(expected));
        }
    }

    @Test
    void canonicalize_rejectsNonFiniteNumbers() {
        SignerException e = assertThrows(SignerException.class,
                () -> CanonicalJson.canonicalize(JsonNodeFactory.instance.numberNode(Double.NaN)));
        assertEquals("JSON number is not finite", e.getMessage());
        assertEquals("JSON number is not finite", assertThrows(SignerException.class, () -> canon("[1e400]")).getMessage());
    }

    @Test
    void canonicalize_rejectsIntegerThatADoubleCannotHold() {
        SignerException e = assertThrows(SignerException.class, () -> canon("{\"n\":9007199254740993}"));
        assertEquals("JSON integer 9007199254740993 cannot be represented exactly as an IEEE 754 double"
                + " (I-JSON, RFC 7493 §2.2: integers within ±2^53)", e.getMessage());
    }

    @Test
    void canonicalize_keepsLargeExactIntegers() throws SignerException {
        assertEquals("[9007199254740992,-17,0]", canon("[9007199254740992, -17, -0]"));
    }

    @Test
    void canonicalize_rejectsDuplicateMembers() {
        SignerException e = assertThrows(SignerException.class, () -> canon("{\"a\":1,\"a\":2}"));
        assertEquals(true, e.getMessage().startsWith("JSON is malformed: "), e.getMessage());
    }

    @Test
    void canonicalize_rejectsTrailingContent() {
        SignerException e = assertThrows(SignerException.class, () -> canon("{\"a\":1} {}"));
        assertEquals(true, e.getMessage().startsWith("JSON is malformed: "), e.getMessage());
    }

    @Test
    void canonicalize_rejectsInvalidUtf8() {
        byte[] bad = {'"', (byte) 0xc3, '"'};
        SignerException e = assertThrows(SignerException.class, () -> CanonicalJson.canonicalize(bad));
        assertEquals("JSON is not valid UTF-8", e.getMessage());
    }

    @Test
    void canonicalize_rejectsUnpairedSurrogate() {
        SignerException e = assertThrows(SignerException.class, () -> canon("[\"\\ud800\"]"));
        assertEquals("JSON string contains an unpaired surrogate", e.getMessage());
    }

    @Test
    void canonicalize_escapesControlCharactersInLowercaseHex() throws SignerException {
        assertEquals("[\"\\u001f\\u0000\\b\\t\u007f\u2028\"]", canon("[\"\\u001F\\u0000\\b\\t\\u007f\\u2028\"]"));
    }

    @Test
    void canonicalize_isIdempotent() throws SignerException {
        String once = canon("{\"b\":[1.50,{\"z\":null,\"a\":\"x\"}],\"a\":true}");
        assertEquals("{\"a\":true,\"b\":[1.5,{\"a\":\"x\",\"z\":null}]}", once);
        assertEquals(once, canon(once));
    }
}
