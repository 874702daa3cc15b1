package org.cbamledger.calculation.rules;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.cbamledger.calculation.core.CalculationException;
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
    private final DefaultValueTable defaultValues;
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
            DefaultValueTable defaultValues,
            String sha256Hex) {
        this.id = id;
        this.version = version;
        this.chargedBasis = chargedBasis;
        this.chargedBasisCitation = chargedBasisCitation;
        this.zeroEmbeddedOrigins = Collections.unmodifiableSet(new TreeSet<>(zeroEmbeddedOrigins));
        this.zeroEmbeddedOriginsCitation = zeroEmbeddedOriginsCitation;
        this.entries = Collections.unmodifiableSortedMap(entries);
        this.overrides = List.copyOf(overrides);
        this.defaultValues = defaultValues;
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

    public DefaultValueTable defaultValues() {
        return defaultValues;
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

    /** The certificate price of a period (quarterly {@code 2026-Q1}, weekly from 2027 {@code 2027-W05}), if published. */
    public Optional<RuleRef> findCertificatePrice(String period) {
        return Optional.ofNullable(entries.get(RuleKeys.certificatePrice(period))).map(this::ref);
    }

    /** The CBAM factor of a year, if the rule set has one. */
    public Optional<RuleRef> findCbamFactor(int year) {
        return Optional.ofNullable(entries.get(RuleKeys.cbamFactor(year))).map(this::ref);
    }

    /** The benchmark of the route ({@code actual} or {@code default}) for the longest CN prefix, if there is one. */
    public Optional<RuleRef> findBenchmark(String route, String cnCode) {
        return Optional.ofNullable(longestPrefix("benchmark." + route + ".", cnCode)).map(this::ref);
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
     * The default value of the country for the CN code in a year, from the adopted file (IR 2025/2621): the row whose
     * CN code is the longest prefix of {@code cnCode}, its value with mark-up as published for the year. A country
     * without rows of its own takes the whole "Other countries and territories" row, with a note; a country with rows
     * but none for the CN code is an error. An override of {@code defaultValue.<country>.<cn>.<2026|2027|2028>}
     * replaces the published value.
     */
    public DefaultValue defaultValue(String country, String cnCode, int year) throws CalculationException {
        if (year < DefaultValueRow.FIRST_YEAR) {
            throw new CalculationException("rule set " + id + " has no default value for " + year
                    + ": the definitive-period default values (IR 2025/2621) apply from " + DefaultValueRow.FIRST_YEAR);
        }
        DefaultValueRow row = defaultValues.row(country, cnCode).orElseThrow(() -> noDefaultValue(country, cnCode));
        int column = DefaultValueRow.columnYear(year);
        String where = ", row " + row.countryName() + ", CN " + row.cnCode() + " (" + row.description() + ")"
                + (row.route().isEmpty() ? "" : ", route " + row.route());
        String markedUpKey = RuleKeys.defaultValue(row.countryCode(), row.cnCode(), column);
        RuleEntry override = entries.get(markedUpKey);
        RuleRef withMarkup = override != null ? ref(override) : new RuleRef(id, markedUpKey, row.withMarkupTco2PerTonne(year),
                "tCO2e/t", DefaultValueTable.CITATION + where + ", value with the " + (column == 2028 ? "2028-onwards" : column)
                        + " mark-up as published", RuleStatus.CONFIRMED.wireName());
        RuleRef direct = new RuleRef(id, RuleKeys.defaultValueDirect(row.countryCode(), row.cnCode()), row.directTco2PerTonne(),
                "tCO2e/t", DefaultValueTable.CITATION + where + ", direct embedded emissions before mark-up",
                RuleStatus.CONFIRMED.wireName());
        Optional<String> note = row.countryCode().equals(country) ? Optional.empty() : Optional.of("country " + country
                + " has no rows of its own in the default values (IR 2025/2621): the \"" + DefaultValueTable.OTHER_COUNTRIES_NAME
                + "\" row for CN " + row.cnCode() + " is used");
        return new DefaultValue(withMarkup, direct, row.route(), note);
    }

    private CalculationException noDefaultValue(String country, String cnCode) {
        String rowCountry = defaultValues.hasCountry(country) ? country : RuleKeys.OTHER_COUNTRIES;
        List<String> codes = defaultValues.rows(rowCountry).stream().map(DefaultValueRow::cnCode).toList();
        return new CalculationException("rule set " + id + ": the default values (IR 2025/2621) have rows for country "
                + rowCountry + " but none for CN code " + cnCode + " (its CN codes: " + String.join(", ", codes) + ")");
    }

    /** The benchmark of the route ({@code actual} or {@code default}) for the longest CN prefix. */
    public RuleRef benchmark(String route, String cnCode) throws CalculationException {
        return findBenchmark(route, cnCode).orElseThrow(() -> new CalculationException(
                "rule set " + id + " has no " + route + "-route benchmark for CN code " + cnCode));
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
