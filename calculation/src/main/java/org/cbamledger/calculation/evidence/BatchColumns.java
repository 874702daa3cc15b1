package org.cbamledger.calculation.evidence;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.cbamledger.calculation.core.Billionths;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The columns of a version 2 meter-reading-batch (api-spec meter-reading-batch.v2.schema.json) as primitives: each
 * reading's kWh as exact billionths ({@link Billionths}) or {@link #ABSENT} for null, its quality flag as a byte.
 * A plant's year has 182,500 such batches; as JSON trees they took gigabytes.
 *
 * <p>{@link #read} takes a payload in one pass over its bytes only when they are exactly the RFC 8785 form of such a
 * batch (the eleven members in canonical order, no whitespace, printable ASCII strings without escapes), every kWh a
 * plain decimal string of at most 18 digits and 9 fraction digits or null, every flag one of the schema's four, and the
 * three columns of one length. Any other payload (a duplicate or unknown member, a longer fraction, a number or NaN
 * where a string belongs, columns of different lengths, an escape, a start with a fraction of a second) is not read
 * here: the caller parses it as a tree and the engine accepts or rejects it exactly as before. What is read here reads the same as its tree.
 */
public final class BatchColumns {
    /** The kWh of a reading that has none (null). */
    public static final long ABSENT = Long.MIN_VALUE;

    private static final String[] FLAGS = {"GOOD", "GAP", "SUSPECT", "COMM_FAILURE"};
    private static final byte[][] FLAG_BYTES = java.util.Arrays.stream(FLAGS)
            .map(flag -> flag.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    private final long startSecond;
    private final long intervalSeconds;
    /** The kWh in billionths, or null when {@link #units} holds them. */
    private final long[] billionths;
    /** The kWh in multiples of {@link #unit} billionths, {@link Integer#MIN_VALUE} for none: a quarter-hour's Wh fit an int. */
    private final int[] units;
    private final long unit;
    private final byte[] flags;

    /** The first {@code count} of {@code billionths} (an array the caller gives up) as the columns. */
    private BatchColumns(long startSecond, long intervalSeconds, long[] billionths, int count, byte[] flags) {
        this.startSecond = startSecond;
        this.intervalSeconds = intervalSeconds;
        this.flags = flags;
        int power = coarsestPower(billionths, count);
        if (power < 0) {
            this.billionths = billionths.length == count ? billionths : java.util.Arrays.copyOf(billionths, count);
            this.units = null;
            this.unit = 1;
        } else {
            this.billionths = null;
            this.unit = Billionths.powerOfTen(power);
            this.units = new int[count];
            for (int i = 0; i < count; i++) {
                units[i] = billionths[i] == ABSENT ? Integer.MIN_VALUE : (int) (billionths[i] / unit);
            }
        }
    }

    /**
     * The largest power of ten dividing every value, each then within an int; -1 when they do not fit. Dividing by a
     * smaller power only makes the values larger, so the largest power dividing them all is the only one to try.
     */
    private static int coarsestPower(long[] billionths, int count) {
        int power = Billionths.SCALE;
        for (int i = 0; i < count && power > 0; i++) {
            long value = billionths[i];
            if (value != ABSENT) {
                while (power > 0 && value % Billionths.powerOfTen(power) != 0) {
                    power--;
                }
            }
        }
        long unit = Billionths.powerOfTen(power);
        for (int i = 0; i < count; i++) {
            long value = billionths[i];
            if (value != ABSENT && (value / unit <= Integer.MIN_VALUE || value / unit > Integer.MAX_VALUE)) {
                return -1;
            }
        }
        return power;
    }

    /** A batch read from its columns: the record without its three arrays, and the columns. */
    public record Read(ObjectNode head, BatchColumns columns) {}

    public int size() {
        return flags.length;
    }

    public long startSecond() {
        return startSecond;
    }

    public long intervalSeconds() {
        return intervalSeconds;
    }

    /** Reading {@code i}'s kWh in billionths, or {@link #ABSENT}. */
    public long billionths(int i) {
        if (units == null) {
            return billionths[i];
        }
        return units[i] == Integer.MIN_VALUE ? ABSENT : units[i] * unit;
    }

    public String quality(int i) {
        return FLAGS[flags[i]];
    }

    /** Reading {@code i}'s kWh as the tree path reads it ({@link Decimals#fromJson}); the caller checks {@link #ABSENT}. */
    public BigDecimal kwh(int i) {
        return Decimals.normalize(BigDecimal.valueOf(billionths(i), Billionths.SCALE));
    }

    /** The batch, or null when {@code payload} is not exactly the canonical columnar batch described above. */
    public static Read read(byte[] payload) {
        return new Cursor(payload).batch();
    }

    /** One pass over the bytes; any unexpected byte ends it with null. */
    private static final class Cursor {
        private final byte[] in;
        /** {@code in} as characters, for {@link Billionths#parse}: printable ASCII where it is read. */
        private final CharSequence text;
        private int at;
        private boolean ok = true;
        /** The values {@link #kwh} read. */
        private int count;

        Cursor(byte[] in) {
            this.in = in;
            this.text = new Latin1(in);
        }

        Read batch() {
            ObjectNode head = JsonNodeFactory.instance.objectNode();
            expect("{\"deviceId\":");
            String deviceId = string();
            expect(",\"energyKwh\":[");
            long[] kwh = kwh();
            int readings = count;
            expect(",\"intervalSeconds\":");
            long interval = integer();
            expect(",\"kind\":\"" + Kinds.METER_READING_BATCH + "\",\"meterId\":");
            String meterId = string();
            expect(",\"quality\":[");
            byte[] quality = flags();
            expect(",\"rawRegisterValues\":[");
            int raw = registers();
            expect(",\"scale\":");
            String scale = string();
            expect(",\"sequence\":");
            long sequence = integer();
            expect(",\"start\":");
            String start = string();
            expect(",\"version\":2}");
            if (!ok || at != in.length || readings == 0 || readings != quality.length || raw != quality.length) {
                return null;
            }
            long startSecond = UtcSeconds.parse(start);
            if (startSecond == UtcSeconds.NONE) {
                return null; // not an instant, or not a whole second, which the tree path refuses (BatchReadings)
            }
            head.put("deviceId", deviceId).put("intervalSeconds", interval).put("kind", Kinds.METER_READING_BATCH)
                    .put("meterId", meterId.intern()).put("scale", scale).put("sequence", sequence).put("start", start)
                    .put("version", 2);
            return new Read(head, new BatchColumns(startSecond, interval, kwh, readings, quality));
        }

        private void expect(String literal) {
            if (!ok || in.length - at < literal.length()) {
                ok = false;
                return;
            }
            for (int i = 0; i < literal.length(); i++) {
                if (in[at + i] != literal.charAt(i)) {
                    ok = false;
                    return;
                }
            }
            at += literal.length();
        }

        /** A string of printable ASCII other than quote and backslash: written as it is in RFC 8785. */
        private String string() {
            int from = skipString();
            return ok ? new String(in, from, at - 1 - from, StandardCharsets.US_ASCII) : "";
        }

        /**
         * {@link #string} without making the text (a year has 35 million flags and register words): where its
         * characters start; it ends one byte before {@code at}.
         */
        private int skipString() {
            quote();
            int from = at;
            int i = at;
            while (i < in.length && in[i] != '"') {
                byte b = in[i++];
                if (b < 0x20 || b > 0x7e || b == '\\') {
                    ok = false;
                }
            }
            at = i;
            quote();
            return from;
        }

        /** {@code expect("\"")} for the one byte, read six times a reading. */
        private void quote() {
            if (ok && at < in.length && in[at] == '"') {
                at++;
            } else {
                ok = false;
            }
        }

        /** 0 or a positive integer of at most 15 digits: RFC 8785 writes such a number as its digits. */
        private long integer() {
            long value = 0;
            int from = at;
            while (ok && at < in.length && in[at] >= '0' && in[at] <= '9' && at - from < 15) {
                value = value * 10 + (in[at++] - '0');
            }
            if (at == from || (in[from] == '0' && at - from > 1) || (at < in.length && in[at] >= '0' && in[at] <= '9')) {
                ok = false;
            }
            return value;
        }

        /** The kWh column, its length in {@link #count}: a day of quarter-hours (96) fits the first array. */
        private long[] kwh() {
            long[] values = new long[128];
            int n = 0;
            do {
                if (n == values.length) {
                    values = java.util.Arrays.copyOf(values, n * 2);
                }
                values[n++] = decimalOrNull();
            } while (ok && separator());
            count = n;
            return values;
        }

        /** After an array element: true for a comma, false (the array closed) for ']'. */
        private boolean separator() {
            if (at < in.length && in[at] == ',') {
                at++;
                return true;
            }
            expect("]");
            return false;
        }

        /** null, or a decimal string {@link Billionths} reads, as billionths. */
        private long decimalOrNull() {
            if (at < in.length && in[at] == 'n') {
                expect("null");
                return ABSENT;
            }
            int from = skipString();
            long value = ok ? Billionths.parse(text, from, at - 1) : Billionths.NOT_PLAIN;
            if (value == Billionths.NOT_PLAIN) {
                ok = false;
                return 0;
            }
            return value;
        }

        private byte[] flags() {
            byte[] values = new byte[128];
            int n = 0;
            do {
                if (n == values.length) {
                    values = java.util.Arrays.copyOf(values, n * 2);
                }
                values[n++] = flag();
            } while (ok && separator());
            return java.util.Arrays.copyOf(values, n);
        }

        private byte flag() {
            int from = skipString();
            int length = at - 1 - from;
            for (byte i = 0; ok && i < FLAG_BYTES.length; i++) {
                if (java.util.Arrays.equals(in, from, from + length, FLAG_BYTES[i], 0, FLAG_BYTES[i].length)) {
                    return i;
                }
            }
            ok = false;
            return 0;
        }

        /** The raw register words: not an input of any figure, only counted and checked to be null or plain strings. */
        private int registers() {
            int n = 0;
            do {
                if (at < in.length && in[at] == 'n') {
                    expect("null");
                } else {
                    skipString();
                }
                n++;
            } while (ok && separator());
            return n;
        }
    }

    /** Bytes as the ISO 8859-1 characters they are, without copying them. */
    private static final class Latin1 implements CharSequence {
        private final byte[] bytes;

        Latin1(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int length() {
            return bytes.length;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
