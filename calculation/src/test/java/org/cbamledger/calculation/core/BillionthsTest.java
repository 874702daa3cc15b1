package org.cbamledger.calculation.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one plain-decimal grammar of {@link ExactSum} and the columnar batch reader, against BigDecimal. */
class BillionthsTest {
    private static long parse(String text) {
        return Billionths.parse(text, 0, text.length());
    }

    @Test
    void plainDecimals_readAsTheirBigDecimalInBillionths() {
        for (String text : List.of("0", "-0", "0.5", "-0.000000001", "412.75", "7.10", "999999999.999999999", "-999999999.999999999",
                "922337203.685477580", "123456789.012345678")) {
            assertEquals(new BigDecimal(text).movePointRight(Billionths.SCALE).longValueExact(), parse(text), text);
        }
        Random random = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong(-(1L << 50), 1L << 50), random.nextInt(0, 10));
            assertEquals(billionthsOrNotPlain(value), parse(value.toPlainString()), value.toPlainString());
        }
    }

    /** A value whose billionths leave the long is not plain: the caller adds it as a BigDecimal. */
    private static long billionthsOrNotPlain(BigDecimal value) {
        try {
            return value.movePointRight(Billionths.SCALE).longValueExact();
        } catch (ArithmeticException e) {
            return Billionths.NOT_PLAIN;
        }
    }

    @Test
    void everyOtherShape_orAValueBeyondTheLong_isNotPlain() {
        for (String text : List.of("", "-", "01", "-01", "00.5", "1.", ".5", "-.5", "1e3", "+1", "1.2.3", " 1", "1 ", "0x10", "NaN",
                "1.0000000001", "1234567890123456789", "123456789012345678", "9223372036.854775808", "1,5", "--1", "1-")) {
            assertEquals(Billionths.NOT_PLAIN, parse(text), text);
        }
    }

    @Test
    void parse_readsOnlyItsRange() {
        String text = "[\"412.75\",\"x\"]";
        assertEquals(412_750_000_000L, Billionths.parse(text, 2, 8));
        assertEquals(Billionths.NOT_PLAIN, Billionths.parse(text, 2, 9));
        assertEquals(4_000_000_000L, Billionths.parse(text, 2, 3));
    }
}
