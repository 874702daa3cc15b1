package org.cbamledger.signer;

import java.math.BigDecimal;

/** ECMAScript Number::toString for finite doubles, as RFC 8785 §3.2.2.3 requires. */
final class EcmaScriptNumber {
    private EcmaScriptNumber() {}

    static String format(double value) {
        if (value == 0.0) {
            return "0"; // also -0
        }
        // Since JDK 19 Double.toString yields the shortest decimal that round-trips (JDK-4511638),
        // the same digits ECMAScript picks.
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int n = digits.length() - shortest.scale(); // value = 0.d1..dk x 10^n
        if (digits.length() == 2) {
            // Java may print two digits where one round-trips (4.9E-324); ECMAScript takes the shortest.
            String oneDigit = oneDigitCandidate(Math.abs(value), digits, n);
            if (oneDigit != null) {
                digits = oneDigit.substring(0, 1);
                n = Integer.parseInt(oneDigit.substring(2));
            }
        }
        int k = digits.length();
        StringBuilder out = new StringBuilder();
        if (value < 0) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
        }
        return out.toString();
    }

    /** The closest one-digit decimal "d,n" (value d x 10^(n-1)) that rounds to abs, or null. */
    private static String oneDigitCandidate(double abs, String twoDigits, int n) {
        int low = twoDigits.charAt(0) - '0';
        String best = null;
        BigDecimal bestDistance = null;
        for (int d = low; d <= low + 1; d++) {
            int digit = d == 10 ? 1 : d;
            int exponent = d == 10 ? n + 1 : n;
            if (digit == 0) {
                continue;
            }
            BigDecimal candidate = new BigDecimal(digit).scaleByPowerOfTen(exponent - 1);
            if (candidate.doubleValue() != abs) {
                continue;
            }
            BigDecimal distance = candidate.subtract(new BigDecimal(abs)).abs();
            if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
                best = digit + "," + exponent;
                bestDistance = distance;
            }
        }
        return best;
    }
}
