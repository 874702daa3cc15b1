package org.cbamledger.connector.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RegisterMapsTest {
    @Test
    void janitzaUmg604_readsConsumedRealEnergyAt19068AsFloatWh() throws Exception {
        RegisterSpec energy = RegisterMaps.load("janitza-umg604").spec(Channel.ACTIVE_ENERGY_IMPORT_KWH);
        assertEquals(19068, energy.address());
        assertEquals(DataType.FLOAT32, energy.type());
        assertEquals(WordOrder.BIG_ENDIAN, energy.wordOrder());
        assertEquals(new BigDecimal("0.001"), energy.scale());
    }

    @Test
    void siemensPac3200_readsImportTariff1At801AsDoubleWithOverflowAt1e12Wh() throws Exception {
        RegisterSpec energy = RegisterMaps.load("siemens-pac3200").spec(Channel.ACTIVE_ENERGY_IMPORT_KWH);
        assertEquals(801, energy.address());
        assertEquals(DataType.FLOAT64, energy.type());
        assertEquals(0, new BigDecimal("1000000000").compareTo(energy.rolloverScaled()));
    }

    @Test
    void generic_wrapsAt2Pow32Wh() throws Exception {
        RegisterSpec energy = RegisterMaps.load("generic").spec(Channel.ACTIVE_ENERGY_IMPORT_KWH);
        assertEquals(0, new BigDecimal("4294967.296").compareTo(energy.rolloverScaled()));
    }

    @Test
    void everyBuiltInMap_citesItsSources() throws Exception {
        for (String model : RegisterMaps.BUILT_IN) {
            assertFalse(RegisterMaps.load(model).sources().isEmpty(), model);
        }
    }

    @Test
    void load_rejectsUnknownModelWithItsName() {
        RegisterMapException e = assertThrows(RegisterMapException.class, () -> RegisterMaps.load("acme-9000"));
        assertEquals("no register map for device model \"acme-9000\" (known: janitza-umg604, siemens-pac3200, generic)",
                e.getMessage());
    }
}
