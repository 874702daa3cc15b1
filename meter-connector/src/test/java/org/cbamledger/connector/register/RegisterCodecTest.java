package org.cbamledger.connector.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegisterCodecTest {
    private static RegisterSpec spec(DataType type, WordOrder order, String scale) {
        return new RegisterSpec(0, type, order, new BigDecimal(scale), "Wh", null);
    }

    private static BigDecimal decode(DataType type, WordOrder order, int... words) {
        return RegisterCodec.decode(spec(type, order, "1"), words).value();
    }

    // 1234.5f = 0x449A5000 (IEEE 754 binary32)
    @Test
    void float32_decodesEachWordOrder() {
        assertEquals(new BigDecimal("1234.5"), decode(DataType.FLOAT32, WordOrder.BIG_ENDIAN, 0x449A, 0x5000));
        assertEquals(new BigDecimal("1234.5"), decode(DataType.FLOAT32, WordOrder.WORD_SWAPPED, 0x5000, 0x449A));
        assertEquals(new BigDecimal("1234.5"), decode(DataType.FLOAT32, WordOrder.BYTE_SWAPPED, 0x9A44, 0x0050));
        assertEquals(new BigDecimal("1234.5"), decode(DataType.FLOAT32, WordOrder.LITTLE_ENDIAN, 0x0050, 0x9A44));
    }

    @Test
    void int32_decodesSignedAndWordSwapped() {
        assertEquals(new BigDecimal("-2"), decode(DataType.INT32, WordOrder.BIG_ENDIAN, 0xFFFF, 0xFFFE));
        assertEquals(new BigDecimal("65538"), decode(DataType.INT32, WordOrder.WORD_SWAPPED, 0x0002, 0x0001));
        assertEquals(new BigDecimal("4294967295"), decode(DataType.UINT32, WordOrder.BIG_ENDIAN, 0xFFFF, 0xFFFF));
    }

    @Test
    void int64_decodesEachWordOrder() {
        // 0x0001_0002_0003_0004 = 281483566841860
        BigDecimal expected = new BigDecimal("281483566841860");
        assertEquals(expected, decode(DataType.INT64, WordOrder.BIG_ENDIAN, 0x0001, 0x0002, 0x0003, 0x0004));
        assertEquals(expected, decode(DataType.INT64, WordOrder.WORD_SWAPPED, 0x0004, 0x0003, 0x0002, 0x0001));
        assertEquals(expected, decode(DataType.INT64, WordOrder.BYTE_SWAPPED, 0x0100, 0x0200, 0x0300, 0x0400));
        assertEquals(expected, decode(DataType.INT64, WordOrder.LITTLE_ENDIAN, 0x0400, 0x0300, 0x0200, 0x0100));
        assertEquals(new BigDecimal("-1"), decode(DataType.INT64, WordOrder.BIG_ENDIAN, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF));
    }

    @Test
    void float64_decodesPacOverflowValue() {
        // 1.0e12 = 0x426D1A94A2000000 (IEEE 754 binary64)
        assertEquals(0, new BigDecimal("1000000000000").compareTo(
                decode(DataType.FLOAT64, WordOrder.BIG_ENDIAN, 0x426D, 0x1A94, 0xA200, 0x0000)));
    }

    @Test
    void decode_appliesScaleAndKeepsRawWords() {
        RegisterValue value = RegisterCodec.decode(spec(DataType.UINT32, WordOrder.BIG_ENDIAN, "0.001"),
                new int[] {0x0001, 0xE240});
        assertEquals(new BigDecimal("123.456"), value.value());
        assertEquals("0001e240", value.rawHex());
        assertArrayEquals(new int[] {0x0001, 0xE240}, value.rawWords());
    }

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    void encodeThenDecode_returnsTheValue(WordOrder order) {
        for (DataType type : new DataType[] {DataType.UINT32, DataType.INT32, DataType.INT64, DataType.UINT64}) {
            RegisterSpec s = spec(type, order, "0.001");
            BigDecimal kwh = new BigDecimal("1234.567");
            assertEquals(0, kwh.compareTo(RegisterCodec.decode(s, RegisterCodec.encode(s, kwh)).value()), type + " " + order);
        }
        RegisterSpec f32 = spec(DataType.FLOAT32, order, "1");
        assertEquals(new BigDecimal("1234.5"), RegisterCodec.decode(f32, RegisterCodec.encode(f32, new BigDecimal("1234.5"))).value());
        RegisterSpec f64 = spec(DataType.FLOAT64, order, "0.001");
        assertEquals(0, new BigDecimal("98765.4321").compareTo(
                RegisterCodec.decode(f64, RegisterCodec.encode(f64, new BigDecimal("98765.4321"))).value()));
    }

    @Test
    void wrongWordOrder_givesADifferentValue() {
        int[] bigEndian = RegisterCodec.encode(spec(DataType.UINT32, WordOrder.BIG_ENDIAN, "1"), new BigDecimal("70000"));
        assertEquals(new BigDecimal("292552705"), decode(DataType.UINT32, WordOrder.WORD_SWAPPED, bigEndian));
    }
}
