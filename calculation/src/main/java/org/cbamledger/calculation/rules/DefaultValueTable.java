package org.cbamledger.calculation.rules;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.csv.CsvException;
import org.cbamledger.calculation.csv.CsvTable;
import org.cbamledger.signer.Sha256;

/**
 * Every aluminium row of the adopted default-value file, read from the classpath as rule data
 * ({@code cbam-rulesets/default-values-aluminium.csv}, a copy of {@code ../shared/reference}); country names map to
 * ISO 3166 codes through {@code cbam-rulesets/default-value-countries.csv}.
 */
public final class DefaultValueTable {
    public static final String RESOURCE = "cbam-rulesets/default-values-aluminium.csv";
    public static final String COUNTRIES_RESOURCE = "cbam-rulesets/default-value-countries.csv";
    /** The file's name for the row of every country without rows of its own. */
    public static final String OTHER_COUNTRIES_NAME = "Other countries and territories";
    public static final String CITATION = "IR (EU) 2025/2621 Annex, default values as adopted (DVs_as_adopted_v20260204.xlsx),"
            + " transcribed from a public parse of that file";

    private static DefaultValueTable loaded;

    private final Map<String, List<DefaultValueRow>> rowsByCountryCode;
    private final int rowCount;
    private final String sha256Hex;

    private DefaultValueTable(Map<String, List<DefaultValueRow>> rowsByCountryCode, int rowCount, String sha256Hex) {
        this.rowsByCountryCode = rowsByCountryCode;
        this.rowCount = rowCount;
        this.sha256Hex = sha256Hex;
    }

    /** The table of the classpath, read once. */
    public static synchronized DefaultValueTable load() throws CalculationException {
        if (loaded == null) {
            loaded = read();
        }
        return loaded;
    }

    public int rowCount() {
        return rowCount;
    }

    /** Country codes with rows of their own, and {@link RuleKeys#OTHER_COUNTRIES}. */
    public List<String> countryCodes() {
        return List.copyOf(rowsByCountryCode.keySet());
    }

    /** SHA-256 (hex) of the file's bytes; part of the rule set's digest. */
    public String sha256Hex() {
        return sha256Hex;
    }

    public boolean hasCountry(String countryCode) {
        return rowsByCountryCode.containsKey(countryCode);
    }

    public List<DefaultValueRow> rows(String countryCode) {
        return rowsByCountryCode.getOrDefault(countryCode, List.of());
    }

    /**
     * The row of the country (or, for a country without rows, of Other countries) whose CN code is the longest prefix
     * of {@code cnCode}; empty when that country's rows hold no such code.
     */
    public Optional<DefaultValueRow> row(String countryCode, String cnCode) {
        String rowCountry = hasCountry(countryCode) ? countryCode : RuleKeys.OTHER_COUNTRIES;
        DefaultValueRow best = null;
        for (DefaultValueRow row : rows(rowCountry)) {
            if (cnCode.startsWith(row.cnCode()) && (best == null || row.cnCode().length() > best.cnCode().length())) {
                best = row;
            }
        }
        return Optional.ofNullable(best);
    }

    private static DefaultValueTable read() throws CalculationException {
        byte[] bytes = resource(RESOURCE);
        Map<String, String> codes = new HashMap<>();
        for (CsvTable.Row row : table(COUNTRIES_RESOURCE, resource(COUNTRIES_RESOURCE)).rows()) {
            codes.put(row.cells().get("country"), row.cells().get("countryCode"));
        }
        codes.put(OTHER_COUNTRIES_NAME, RuleKeys.OTHER_COUNTRIES);
        Map<String, List<DefaultValueRow>> byCountry = new LinkedHashMap<>();
        int count = 0;
        for (CsvTable.Row row : table(RESOURCE, bytes).rows()) {
            Map<String, String> cells = row.cells();
            String code = codes.get(cells.get("country"));
            if (code == null) {
                throw new CalculationException(row.where("country") + ": no country code for " + cells.get("country"));
            }
            try {
                byCountry.computeIfAbsent(code, c -> new ArrayList<>()).add(new DefaultValueRow(
                        cells.get("country"),
                        code,
                        cells.get("cnCode"),
                        cells.get("description"),
                        new BigDecimal(cells.get("directTco2PerT")),
                        new BigDecimal(cells.get("dv2026WithMarkup")),
                        new BigDecimal(cells.get("dv2027WithMarkup")),
                        new BigDecimal(cells.get("dv2028OnwardsWithMarkup")),
                        cells.getOrDefault("productionRoute", "")));
            } catch (NullPointerException | NumberFormatException e) {
                throw new CalculationException(RESOURCE + " line " + row.line() + ": a value is missing or not a decimal", e);
            }
            count++;
        }
        byCountry.replaceAll((code, rows) -> List.copyOf(rows));
        return new DefaultValueTable(Collections.unmodifiableMap(byCountry), count, Sha256.hex(bytes));
    }

    private static CsvTable table(String name, byte[] bytes) throws CalculationException {
        try {
            return CsvTable.parse(name, new String(bytes, StandardCharsets.UTF_8).lines().toList());
        } catch (CsvException e) {
            throw new CalculationException(e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) throws CalculationException {
        try (InputStream in = DefaultValueTable.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new CalculationException("rule data " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CalculationException("rule data " + name + ": cannot read: " + e.getMessage(), e);
        }
    }

}
