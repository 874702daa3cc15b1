package org.cbamledger.calculation.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AmountsTest {
    @Test
    void eur_groupsThousandsAndShowsCents() {
        assertEquals("EUR 23,630.03", Amounts.eur("23630.03"));
        assertEquals("EUR 400,888.82", Amounts.eur("400888.82"));
        assertEquals("EUR 1,234,567.50", Amounts.eur("1234567.5"));
        assertEquals("EUR 0.00", Amounts.eur("0"));
        assertEquals("EUR -3,104.98", Amounts.eur("-3104.98"));
    }
}
