package org.cbamledger.signer.map;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inclusive range of Guarantee-of-Origin serial numbers of one registry, one GO per MWh. A serial is a prefix
 * followed by a run of 1 to 18 digits ({@code RS-EMS-2026-W01-000000012001}); both ends share the prefix and the
 * digit count, so the range is the numbers {@code first..last} under that prefix.
 */
public record SerialRange(String registry, String prefix, int digits, long first, long last) {
    private static final Pattern SERIAL = Pattern.compile("(.*?)([0-9]{1,18})");
    private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public SerialRange {
        if (registry == null || !REGISTRY.matcher(registry).matches()) {
            throw new IllegalArgumentException("registry must be 1 to 64 letters, digits, '.', '_' or '-': " + registry);
        }
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("serial range ends before it starts: " + first + " to " + last);
        }
    }

    public static SerialRange parse(String registry, String firstSerial, String lastSerial) {
        Matcher a = SERIAL.matcher(firstSerial);
        Matcher b = SERIAL.matcher(lastSerial);
        if (!a.matches() || !b.matches()) {
            throw new IllegalArgumentException("a GO serial ends in 1 to 18 digits: " + firstSerial + ", " + lastSerial);
        }
        if (!a.group(1).equals(b.group(1)) || a.group(2).length() != b.group(2).length()) {
            throw new IllegalArgumentException("serials " + firstSerial + " and " + lastSerial + " are not of one series");
        }
        return new SerialRange(registry, a.group(1), a.group(2).length(), Long.parseLong(a.group(2)), Long.parseLong(b.group(2)));
    }

    /** Number of certificates (MWh) in the range. */
    public long count() {
        return last - first + 1;
    }

    public boolean overlaps(long from, long to) {
        return from <= last && to >= first;
    }

    public String serial(long number) {
        return prefix + String.format("%0" + digits + "d", number);
    }

    @Override
    public String toString() {
        return registry + ":" + serial(first) + ".." + serial(last);
    }
}
