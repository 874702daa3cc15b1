package org.cbamledger.service.http;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * The shape of every id, number and date the API takes from a path, a query or a request body, checked once at the
 * edge so that nothing malformed (a NUL byte, a traversal, a year +999999999) reaches the database or the archive.
 * A value that breaks its rule is an {@link InvalidInputException} naming the parameter: 400, never a 5xx.
 */
public final class EdgeInput {
    /** Years a CBAM period can fall in; PostgreSQL dates and Java's ISO formats agree within them. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 9999;
    /** Any parameter without its own rule: printable, bounded (a filter or a free-text reason). */
    private static final Pattern TEXT = Pattern.compile("[^\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Cs}]{0,1024}");
    private static final Pattern INDEX = Pattern.compile("[0-9]{1,18}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");
    private static final Pattern STATEMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Parameter name to rule and what the rule asks for, as the problem's detail says it (openapi.yaml). */
    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("logId", new Rule(Pattern.compile("[a-z0-9-]{3,64}"), "3 to 64 of a-z, 0-9 and -")),
            Map.entry("roomId", identifier()),
            Map.entry("partyId", identifier()),
            Map.entry("deviceId", identifier()),
            Map.entry("statementId", statementId()),
            Map.entry("statement", statementId()),
            Map.entry("sha256", sha256()),
            Map.entry("leafHashHex", sha256()),
            Map.entry("claimKey", new Rule(Pattern.compile("(go|ppa):[\\x21-\\x2e\\x30-\\x7e]{1,500}"),
                    "go: or ppa: and 1 to 500 printable ASCII characters other than /")),
            Map.entry("path", new Rule(Pattern.compile("[a-z0-9./]{1,128}"), "a tlog-tiles path such as 0/x001/234.p/5")),
            Map.entry("index", index()),
            Map.entry("treeSize", index()),
            Map.entry("from", index()),
            Map.entry("to", index()),
            Map.entry("fromIndex", index()),
            Map.entry("toIndex", index()),
            Map.entry("after", index()),
            Map.entry("limit", index()),
            // a submission waits (true/false); a checkpoint read waits up to a duration (PublicLogController)
            Map.entry("wait", new Rule(Pattern.compile("true|false|[0-9]{1,6}(ms|s)"), "true, false or a duration such as 5s")),
            Map.entry("kind", new Rule(Pattern.compile("[a-z0-9-]{1,64}"), "a record kind such as meter-reading-batch")),
            Map.entry("role", new Rule(Pattern.compile("[a-z]{1,32}"), "importer or verifier")),
            Map.entry("cursor", new Rule(Pattern.compile("[A-Za-z0-9_-]{1,1024}"), "the cursor of a next link")),
            // a file name is sanitised for the anchor record, never refused for what it holds (FileNames)
            Map.entry("fileName", new Rule(Pattern.compile("(?s).{0,1024}"), "at most 1024 characters")),
            Map.entry("month", new Rule(Pattern.compile("[0-9]{4}-[0-9]{2}"), "a month such as 2026-03")));

    private record Rule(Pattern pattern, String expected) {}

    private EdgeInput() {}

    /** Checks one path or query parameter against its rule (or, for a name without one, printable bounded text). */
    public static void check(String name, String value) throws InvalidInputException {
        Rule rule = RULES.get(name);
        if (rule == null) {
            if (!TEXT.matcher(value).matches()) {
                throw new InvalidInputException(name, "must be at most 1024 printable characters");
            }
            return;
        }
        if (!rule.pattern().matcher(value).matches()) {
            throw new InvalidInputException(name, "must be " + rule.expected() + ", got " + quoted(value));
        }
        if (name.equals("month")) {
            month(name, value);
        }
    }

    /** A calendar date {@code YYYY-MM-DD} in years {@value #FIRST_YEAR}..{@value #LAST_YEAR}. */
    public static LocalDate date(String name, String value) throws InvalidInputException {
        return calendar(name, value, "[0-9]{4}-[0-9]{2}-[0-9]{2}", "a date YYYY-MM-DD", LocalDate::parse,
                LocalDate::getYear);
    }

    /** A month {@code YYYY-MM} in years {@value #FIRST_YEAR}..{@value #LAST_YEAR}. */
    public static YearMonth month(String name, String value) throws InvalidInputException {
        return calendar(name, value, "[0-9]{4}-[0-9]{2}", "a month YYYY-MM", YearMonth::parse, YearMonth::getYear);
    }

    private static <T> T calendar(String name, String value, String shape, String what, Function<String, T> parse,
            ToIntFunction<T> yearOf) throws InvalidInputException {
        if (value != null && value.matches(shape)) {
            try {
                T parsed = parse.apply(value);
                int year = yearOf.applyAsInt(parsed);
                if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                    return parsed;
                }
            } catch (DateTimeException e) {
                // reported below
            }
        }
        throw new InvalidInputException(name, "must be " + what + " in years " + FIRST_YEAR + " to " + LAST_YEAR
                + ", got " + quoted(value));
    }

    /** The value as a JSON-style quoted string, control and non-ASCII characters escaped, cut at 80 characters. */
    static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().limit(80).forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append((char) c);
            } else if (c <= 0xffff) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(String.format("\\u{%x}", c));
            }
        });
        return out.append(value.codePointCount(0, value.length()) > 80 ? "...\"" : "\"").toString();
    }

    private static Rule identifier() {
        return new Rule(IDENTIFIER, "an identifier: a letter or digit, then up to 127 of A-Z a-z 0-9 . _ : / -");
    }

    private static Rule statementId() {
        return new Rule(STATEMENT_ID, "a statement id: a letter or digit, then up to 127 of A-Z a-z 0-9 . _ -");
    }

    private static Rule sha256() {
        return new Rule(SHA256, "64 lowercase hex digits");
    }

    private static Rule index() {
        return new Rule(INDEX, "a non-negative integer of at most 18 digits");
    }
}
