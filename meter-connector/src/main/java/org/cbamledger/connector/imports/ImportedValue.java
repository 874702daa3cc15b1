package org.cbamledger.connector.imports;

import java.math.BigDecimal;
import org.cbamledger.connector.register.DataType;
import org.cbamledger.connector.register.RegisterCodec;
import org.cbamledger.connector.register.RegisterSpec;
import org.cbamledger.connector.register.RegisterValue;
import org.cbamledger.connector.register.WordOrder;

/**
 * An imported decimal in the form the meter-reading-batch schema asks for evidence: a 64-bit
 * integer "register" in units of {@code scale} (0.001 kWh = 1 Wh, finer if the file has more
 * decimals), so value = raw x scale exactly. For CSV imports it is the historian's number, not a
 * meter register; README.md says so.
 */
final class ImportedValue {
    private ImportedValue() {}

    static RegisterValue of(BigDecimal value) {
        int decimals = Math.max(3, value.stripTrailingZeros().scale());
        BigDecimal scale = BigDecimal.ONE.movePointLeft(decimals);
        RegisterSpec spec = new RegisterSpec(0, DataType.UINT64, WordOrder.BIG_ENDIAN, scale, "imported", null);
        return RegisterCodec.decode(spec, RegisterCodec.encode(spec, value));
    }
}
