package org.cbamledger.calculation.evidence;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A reading batch's start as whole UTC seconds, read as {@link Instant#parse} reads it: the common form
 * {@code yyyy-MM-ddTHH:mm:ssZ} with every field in its range is read here (a year has 182,500 of them, and the
 * formatter was a twentieth of the read back); anything else, a leap second or 24:00 included, goes to
 * {@link Instant#parse}.
 */
final class UtcSeconds {
    /**
     * Not an instant, or not a whole second as reading times must be (a fraction, even {@code .000}, or a leap second:
     * BatchReadings.isWholeSecond); no instant is this many seconds from the epoch.
     */
    static final long NONE = Long.MIN_VALUE;
    private static final String FORM = "0000-00-00T00:00:00Z";
    private static final int SECONDS_PER_DAY = 86_400;

    private UtcSeconds() {}

    static long parse(String text) {
        if (text.length() == FORM.length() && shaped(text)) {
            int hour = number(text, 11, 2);
            int minute = number(text, 14, 2);
            int second = number(text, 17, 2);
            if (hour < 24 && minute < 60 && second < 60) {
                try {
                    long day = LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2)).toEpochDay();
                    return day * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second;
                } catch (DateTimeException e) {
                    return NONE; // a day the month does not have, which Instant.parse refuses too
                }
            }
        }
        try {
            Instant instant = Instant.parse(text);
            return BatchReadings.isWholeSecond(text, instant) ? instant.getEpochSecond() : NONE;
        } catch (DateTimeParseException e) {
            return NONE;
        }
    }

    /** Digits where {@link #FORM} has zeros, and its separators where it has them. */
    private static boolean shaped(String text) {
        for (int i = 0; i < FORM.length(); i++) {
            char c = text.charAt(i);
            if (FORM.charAt(i) == '0' ? c < '0' || c > '9' : c != FORM.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int digits) {
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
