package org.cbamledger.connector.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CounterDeltaTest {
    private static final BigDecimal WRAP = new BigDecimal("1000");

    @Test
    void forward_isTheDifference() {
        CounterDelta d = CounterDelta.between(new BigDecimal("10.5"), new BigDecimal("12"), WRAP);
        assertEquals(CounterDelta.Kind.FORWARD, d.kind());
        assertEquals(new BigDecimal("1.5"), d.energyKwh());
    }

    @Test
    void smallStepPastTheWrap_isRollover() {
        CounterDelta d = CounterDelta.between(new BigDecimal("990"), new BigDecimal("5"), WRAP);
        assertEquals(CounterDelta.Kind.ROLLOVER, d.kind());
        assertEquals(new BigDecimal("15"), d.energyKwh());
    }

    @Test
    void largeDrop_isResetEvenWithAWrap() {
        CounterDelta d = CounterDelta.between(new BigDecimal("400"), new BigDecimal("5"), WRAP);
        assertEquals(CounterDelta.Kind.RESET, d.kind());
        assertNull(d.energyKwh());
    }

    @Test
    void dropWithoutWrap_isReset() {
        assertEquals(CounterDelta.Kind.RESET, CounterDelta.between(new BigDecimal("990"), new BigDecimal("5"), null).kind());
    }
}
