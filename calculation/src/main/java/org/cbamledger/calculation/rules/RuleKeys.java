package org.cbamledger.calculation.rules;

import java.util.List;
import java.util.regex.Pattern;

/** The grammar of rule keys. A rule file or an override with a key outside it is rejected. */
public final class RuleKeys {
    public static final String OTHER_COUNTRIES = "OTHER";

    private static final List<Pattern> FAMILIES = List.of(
            Pattern.compile("gwp\\.(CF4|C2F6)"),
            Pattern.compile("defaultValue\\.([A-Z]{2}|OTHER)\\.[0-9]{4,10}\\.[0-9]{4}"),
            Pattern.compile("defaultValueDirect\\.([A-Z]{2}|OTHER)\\.[0-9]{4,10}"),
            Pattern.compile("defaultValueMarkup\\.[0-9]{4}"),
            Pattern.compile("cbamFactor\\.[0-9]{4}"),
            Pattern.compile("certificatePrice\\.[0-9]{4}-[A-Z0-9]{1,4}"),
            Pattern.compile("benchmark\\.(actual|default)\\.[0-9]{4,10}"),
            Pattern.compile("pfc\\.slope\\.[A-Z][A-Z0-9-]{1,15}\\.(sefCf4|fC2f6)"),
            Pattern.compile("pfc\\.overvoltage\\.[A-Z][A-Z0-9-]{1,15}\\.(ovc|fC2f6)"));

    private RuleKeys() {}

    public static boolean isValid(String key) {
        return FAMILIES.stream().anyMatch(p -> p.matcher(key).matches());
    }

    public static String gwp(String gas) {
        return "gwp." + gas;
    }

    /** The published value with mark-up of a country (or OTHER) and CN code for 2026, 2027 or 2028 onwards. */
    public static String defaultValue(String country, String cnCode, int columnYear) {
        return "defaultValue." + country + "." + cnCode + "." + columnYear;
    }

    /** The direct default value before mark-up of a country (or OTHER) and CN code. */
    public static String defaultValueDirect(String country, String cnCode) {
        return "defaultValueDirect." + country + "." + cnCode;
    }

    public static String markup(int year) {
        return "defaultValueMarkup." + year;
    }

    public static String cbamFactor(int year) {
        return "cbamFactor." + year;
    }

    public static String certificatePrice(String period) {
        return "certificatePrice." + period;
    }

    public static String benchmark(String route, String cnCode) {
        return "benchmark." + route + "." + cnCode;
    }
}
