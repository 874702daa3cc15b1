package org.cbamledger.calculation.rules;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.cbamledger.calculation.CalculationException;
import org.cbamledger.calculation.trace.TraceInput.RuleRef;

/** A versioned rule set with every user override applied; lookups answer a {@link RuleRef} carrying the citation. */
public final class RuleSet {
    private final String id;
    private final String version;
    private final ChargedBasis chargedBasis;
    private final String chargedBasisCitation;
    private final Set<String> zeroEmbeddedOrigins;
    private final String zeroEmbeddedOriginsCitation;
    private final SortedMap<String, RuleEntry> entries;
    private final List<RuleOverride> overrides;
    private final String sha256Hex;

    RuleSet(
            String id,
            String version,
            ChargedBasis chargedBasis,
            String chargedBasisCitation,
            Set<String> zeroEmbeddedOrigins,
            String zeroEmbeddedOriginsCitation,
            SortedMap<String, RuleEntry> entries,
            List<RuleOverride> overrides,
            String sha256Hex) {
        this.id = id;
        this.version = version;
        this.chargedBasis = chargedBasis;
        this.chargedBasisCitation = chargedBasisCitation;
        this.zeroEmbeddedOrigins = Collections.unmodifiableSet(new TreeSet<>(zeroEmbeddedOrigins));
        this.zeroEmbeddedOriginsCitation = zeroEmbeddedOriginsCitation;
        this.entries = Collections.unmodifiableSortedMap(entries);
        this.overrides = List.copyOf(overrides);
        this.sha256Hex = sha256Hex;
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public ChargedBasis chargedBasis() {
        return chargedBasis;
    }

    public String chargedBasisCitation() {
        return chargedBasisCitation;
    }

    public Set<String> zeroEmbeddedOrigins() {
        return zeroEmbeddedOrigins;
    }

    public String zeroEmbeddedOriginsCitation() {
        return zeroEmbeddedOriginsCitation;
    }

    public SortedMap<String, RuleEntry> entries() {
        return entries;
    }

    public List<RuleOverride> overrides() {
        return overrides;
    }

    /** SHA-256 (hex) of the RFC 8785 form of the effective rule set, overrides applied. */
    public String sha256Hex() {
        return sha256Hex;
    }

    public RuleRef rule(String key) throws CalculationException {
        RuleEntry entry = entries.get(key);
        if (entry == null) {
            throw new CalculationException("rule set " + id + " has no entry " + key);
        }
        return ref(entry);
    }

    public RuleRef gwp(String gas) throws CalculationException {
        return rule(RuleKeys.gwp(gas));
    }

    public RuleRef cbamFactor(int year) throws CalculationException {
        return rule(RuleKeys.cbamFactor(year));
    }

    public RuleRef certificatePrice(String period) throws CalculationException {
        return rule(RuleKeys.certificatePrice(period));
    }

    /** The mark-up of the latest year not after {@code year}: "30 % from 2028" is one entry for 2028. */
    public RuleRef defaultValueMarkup(int year) throws CalculationException {
        RuleEntry found = null;
        for (RuleEntry entry : entries.values()) {
            if (entry.key().startsWith("defaultValueMarkup.")) {
                int entryYear = Integer.parseInt(entry.key().substring("defaultValueMarkup.".length()));
                if (entryYear <= year) {
                    found = entry;
                }
            }
        }
        if (found == null) {
            throw new CalculationException("rule set " + id + " has no default value mark-up for " + year);
        }
        return ref(found);
    }

    /**
     * The default value of the country for the CN code in a year: the longest CN prefix, then the latest
     * {@code defaultValue.<country>.<cn>.<fromYear>} not after {@code year}. A country without a row of its own takes
     * the whole "Other countries" row (IR 2025/2621); a country with a row never mixes in Other countries' cells.
     */
    public RuleRef defaultValue(String country, String cnCode, int year) throws CalculationException {
        String row = hasCountryRow(country) ? country : RuleKeys.OTHER_COUNTRIES;
        String family = "defaultValue." + row + ".";
        RuleEntry best = null;
        String bestCn = "";
        int bestYear = 0;
        for (RuleEntry entry : entries.values()) {
            if (!entry.key().startsWith(family)) {
                continue;
            }
            String[] cnAndYear = entry.key().substring(family.length()).split("\\.");
            int fromYear = Integer.parseInt(cnAndYear[1]);
            if (!cnCode.startsWith(cnAndYear[0]) || fromYear > year) {
                continue;
            }
            if (cnAndYear[0].length() > bestCn.length() || (cnAndYear[0].length() == bestCn.length() && fromYear > bestYear)) {
                best = entry;
                bestCn = cnAndYear[0];
                bestYear = fromYear;
            }
        }
        if (best == null) {
            throw new CalculationException("rule set " + id + " has no default value for country " + row + " and CN code "
                    + cnCode + " in " + year);
        }
        return ref(best);
    }

    public boolean hasCountryRow(String country) {
        String prefix = "defaultValue." + country + ".";
        return entries.keySet().stream().anyMatch(key -> key.startsWith(prefix));
    }

    /** The benchmark of the route ({@code actual} or {@code default}) for the longest CN prefix. */
    public RuleRef benchmark(String route, String cnCode) throws CalculationException {
        RuleEntry entry = longestPrefix("benchmark." + route + ".", cnCode);
        if (entry == null) {
            throw new CalculationException(
                    "rule set " + id + " has no " + route + "-route benchmark for CN code " + cnCode);
        }
        return ref(entry);
    }

    private RuleEntry longestPrefix(String familyPrefix, String cnCode) {
        RuleEntry best = null;
        for (RuleEntry entry : entries.values()) {
            if (entry.key().startsWith(familyPrefix)) {
                String cnKey = entry.key().substring(familyPrefix.length());
                if (cnCode.startsWith(cnKey) && (best == null || cnKey.length() > best.key().length() - familyPrefix.length())) {
                    best = entry;
                }
            }
        }
        return best;
    }

    private RuleRef ref(RuleEntry entry) {
        return new RuleRef(id, entry.key(), entry.value(), entry.unit(), entry.citation(), entry.status().wireName());
    }
}
