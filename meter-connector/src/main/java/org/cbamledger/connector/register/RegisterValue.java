package org.cbamledger.connector.register;

import java.math.BigDecimal;
import java.util.HexFormat;

/**
 * A decoded register value beside the raw words it came from (kept as evidence).
 *
 * @param value in the channel's unit, after scaling
 * @param rawWords the registers exactly as read, in wire order
 */
public record RegisterValue(BigDecimal value, int[] rawWords, BigDecimal scale) {
    public RegisterValue {
        rawWords = rawWords.clone();
    }

    @Override
    public int[] rawWords() {
        return rawWords.clone();
    }

    /** The raw words as lowercase hex, four digits per register, in wire order (e.g. "449a5000"). */
    public String rawHex() {
        StringBuilder hex = new StringBuilder();
        for (int word : rawWords) {
            hex.append(HexFormat.of().toHexDigits((short) word));
        }
        return hex.toString();
    }
}
