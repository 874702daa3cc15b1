package org.cbamledger.calculation.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.trace.TraceInput.RuleRef;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetsTest {

    private static void assertValue(String expected, RuleRef ref) {
        assertEquals(0, new BigDecimal(expected).compareTo(ref.value()), ref.key() + " = " + ref.value());
    }

    @Test
    void bothRuleSets_carryTheSharedValuesAndTheirOwnBasis() throws Exception {
        RuleSet definitive = RuleSets.load(RuleSets.EU_DEFINITIVE_2026);
        RuleSet seed = RuleSets.load(RuleSets.SEED_TOTAL);
        assertEquals(ChargedBasis.DIRECT, definitive.chargedBasis());
        assertEquals(ChargedBasis.TOTAL, seed.chargedBasis());
        assertValue("6630", definitive.gwp("CF4"));
        assertValue("11100", definitive.gwp("C2F6"));
        assertTrue(definitive.gwp("CF4").citation().contains("2025/2547"));
        assertNotEquals(definitive.sha256Hex(), seed.sha256Hex());
        assertEquals(64, seed.sha256Hex().length());
    }

    @Test
    void everyEntry_hasACitationAndAStatus() throws Exception {
        for (RuleEntry entry : RuleSets.load(RuleSets.EU_DEFINITIVE_2026).entries().values()) {
            assertTrue(entry.citation().length() > 10, entry.key());
            assertTrue(RuleKeys.isValid(entry.key()), entry.key());
        }
    }

    @Test
    void defaultValues_holdEveryAdoptedRow() throws Exception {
        DefaultValueTable table = RuleSets.load(RuleSets.EU_DEFINITIVE_2026).defaultValues();
        assertEquals(1608, table.rowCount());
        // 66 countries and the "Other countries and territories" row, 24 CN codes each
        assertEquals(67, table.countryCodes().size());
        assertTrue(table.countryCodes().contains(RuleKeys.OTHER_COUNTRIES));
        for (String country : table.countryCodes()) {
            assertEquals(24, table.rows(country).size(), country);
        }
    }

    @Test
    void defaultValues_areACopyOfTheSharedReferenceFile() throws Exception {
        Path shared = Path.of("..", "..", "shared", "reference", "default-values-aluminium.csv");
        Assumptions.assumeTrue(Files.exists(shared), "../shared is not present");
        try (var in = getClass().getClassLoader().getResourceAsStream(DefaultValueTable.RESOURCE)) {
            assertArrayEquals(Files.readAllBytes(shared), in.readAllBytes());
        }
    }

    @Test
    void defaultValue_isThePublishedValueWithMarkupOfTheYear() throws Exception {
        RuleSet rules = RuleSets.load(RuleSets.SEED_TOTAL);
        DefaultValue turkishProfiles = rules.defaultValue("TR", "76041090", 2026);
        assertValue("4.1155", turkishProfiles.withMarkup());
        assertValue("3.7414", turkishProfiles.direct());
        assertEquals("defaultValue.TR.76041090.2026", turkishProfiles.withMarkup().key());
        assertTrue(turkishProfiles.withMarkup().citation().contains("2025/2621"), turkishProfiles.withMarkup().citation());
        assertTrue(turkishProfiles.note().isEmpty());
        assertEquals("defaultValue.TR.76041090.2027", rules.defaultValue("TR", "76041090", 2027).withMarkup().key());
        assertEquals("defaultValue.TR.76041090.2028", rules.defaultValue("TR", "76041090", 2031).withMarkup().key());
        CalculationException early = assertThrows(CalculationException.class, () -> rules.defaultValue("TR", "76041090", 2025));
        assertTrue(early.getMessage().contains("apply from 2026"), early.getMessage());
    }

    @Test
    void defaultValue_alloyedProfilesHaveTheirOwnRows() throws Exception {
        RuleSet rules = RuleSets.load(RuleSets.EU_DEFINITIVE_2026);
        assertEquals("defaultValue.TR.76042100.2026", rules.defaultValue("TR", "76042100", 2026).withMarkup().key());
        assertEquals("defaultValue.TR.76042990.2026", rules.defaultValue("TR", "76042990", 2026).withMarkup().key());
        assertEquals("defaultValue.MY.7601.2026", rules.defaultValue("MY", "76012020", 2026).withMarkup().key());
    }

    @Test
    void defaultValue_countryWithoutRowsTakesTheWholeOtherCountriesRowWithANote() throws Exception {
        RuleSet rules = RuleSets.load(RuleSets.EU_DEFINITIVE_2026);
        DefaultValue kosovo = rules.defaultValue("XK", "76042990", 2027);
        assertEquals("defaultValue.OTHER.76042990.2027", kosovo.withMarkup().key());
        assertEquals("defaultValueDirect.OTHER.76042990", kosovo.direct().key());
        assertEquals("country XK has no rows of its own in the default values (IR 2025/2621): the \"Other countries and"
                + " territories\" row for CN 76042990 is used", kosovo.note().orElseThrow());
    }

    @Test
    void defaultValue_countryWithRowsButNotTheCnCodeIsAnError() throws Exception {
        RuleSet rules = RuleSets.load(RuleSets.EU_DEFINITIVE_2026);
        // 7604 alone is not a row: the file lists the 8-digit subheadings of 7604
        CalculationException e = assertThrows(CalculationException.class, () -> rules.defaultValue("MY", "7604", 2026));
        assertTrue(e.getMessage().startsWith("rule set eu-definitive-2026: the default values (IR 2025/2621) have rows for"
                + " country MY but none for CN code 7604 (its CN codes: 7601, 7603, 76041010"), e.getMessage());
    }

    @Test
    void defaultValue_overrideReplacesThePublishedValue() throws Exception {
        RuleSet rules = RuleSets.load(RuleSets.SEED_TOTAL, List.of(new RuleOverride(
                new RuleEntry("defaultValue.TR.76041090.2028", new BigDecimal("3.5"), "tCO2e/t", "test", RuleStatus.UNCONFIRMED),
                "test", "test", null)));
        assertValue("4.1155", rules.defaultValue("TR", "76041090", 2026).withMarkup());
        assertValue("3.5", rules.defaultValue("TR", "76041090", 2029).withMarkup());
        assertEquals("unconfirmed", rules.defaultValue("TR", "76041090", 2029).withMarkup().status());
    }

    @Test
    void markup_isTenTwentyThenThirtyPercentFrom2028() throws Exception {
        RuleSet rules = RuleSets.load(RuleSets.EU_DEFINITIVE_2026);
        assertValue("10", rules.defaultValueMarkup(2026));
        assertValue("20", rules.defaultValueMarkup(2027));
        assertValue("30", rules.defaultValueMarkup(2028));
        assertValue("30", rules.defaultValueMarkup(2031));
        assertThrows(CalculationException.class, () -> rules.defaultValueMarkup(2025));
    }

    @Test
    void cbamFactor_2026IsConfirmedLaterYearsAreNot() throws Exception {
        RuleSet rules = RuleSets.load(RuleSets.EU_DEFINITIVE_2026);
        assertValue("0.975", rules.cbamFactor(2026));
        assertEquals("confirmed", rules.cbamFactor(2026).status());
        assertValue("0.95", rules.cbamFactor(2027));
        assertEquals("unconfirmed", rules.cbamFactor(2027).status());
        assertValue("0", rules.cbamFactor(2034));
    }

    @Test
    void benchmarkAndPrice_byRouteAndPeriod() throws Exception {
        RuleSet rules = RuleSets.load(RuleSets.SEED_TOTAL);
        assertValue("0.06", rules.benchmark("actual", "76041090"));
        assertValue("1.493", rules.benchmark("default", "76041090"));
        assertValue("75.36", rules.certificatePrice("2026-Q1"));
        CalculationException e = assertThrows(CalculationException.class, () -> rules.certificatePrice("2026-Q2"));
        assertEquals("rule set seed-total has no entry certificatePrice.2026-Q2", e.getMessage());
        assertValue("0.143", rules.rule("pfc.slope.CWPB.sefCf4"));
        assertValue("3.65", rules.rule("pfc.overvoltage.SWPB.ovc"));
    }

    @Test
    void overrideFile_addsAndReplacesValuesAndRecordsEach(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my-overrides.json");
        Files.writeString(file, """
                {"format": "cbam-ledger-ruleset-overrides/v1",
                 "overrides": {
                   "certificatePrice.2026-Q2": {"value": "71.10", "unit": "EUR/tCO2e", "citation": "Commission notice of 2026-07-06",
                                                "status": "confirmed", "reason": "Q2 price published"},
                   "benchmark.actual.7604": {"value": 0.07, "unit": "tCO2e/t", "citation": "IR 2025/2620 final text",
                                             "status": "confirmed", "reason": "final benchmark"}}}
                """);
        RuleSet rules = RuleSets.load(RuleSets.SEED_TOTAL, RuleSets.readOverrides(file));
        assertValue("71.1", rules.certificatePrice("2026-Q2"));
        assertValue("0.07", rules.benchmark("actual", "76041090"));
        assertEquals(2, rules.overrides().size());
        RuleOverride price = rules.overrides().getFirst();
        assertEquals("certificatePrice.2026-Q2", price.key());
        assertNull(price.previous());
        assertEquals("my-overrides.json", price.source());
        assertValue("0.06", new RuleRef("x", "k", rules.overrides().get(1).previous().value(), "", "", ""));
        assertNotEquals(RuleSets.load(RuleSets.SEED_TOTAL).sha256Hex(), rules.sha256Hex());
        // an override travels in the statement and rebuilds the same rule set
        RuleOverride rebuilt = RuleSets.overrideFromJson(price.toJson());
        assertEquals(rules.sha256Hex(), RuleSets.load(RuleSets.SEED_TOTAL,
                List.of(rebuilt, RuleSets.overrideFromJson(rules.overrides().get(1).toJson()))).sha256Hex());
    }

    @Test
    void overrideFile_rejectsAnUnknownKeyByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"format": "cbam-ledger-ruleset-overrides/v1",
                 "overrides": {"gwp.SF6": {"value": 23500, "unit": "1", "citation": "x", "status": "confirmed", "reason": "r"}}}
                """);
        CalculationException e = assertThrows(CalculationException.class, () -> RuleSets.readOverrides(file));
        assertEquals("rule override file bad.json: overrides.gwp.SF6: unknown rule key", e.getMessage());
    }

    @Test
    void overrideFile_rejectsAMissingCitation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, """
                {"format": "cbam-ledger-ruleset-overrides/v1",
                 "overrides": {"cbamFactor.2027": {"value": 0.95, "unit": "1", "status": "confirmed", "reason": "r"}}}
                """);
        CalculationException e = assertThrows(CalculationException.class, () -> RuleSets.readOverrides(file));
        assertEquals("rule override file bad.json: overrides.cbamFactor.2027: citation must be a non-empty string", e.getMessage());
    }

    @Test
    void load_rejectsAnUnknownRuleSet() {
        CalculationException e = assertThrows(CalculationException.class, () -> RuleSets.load("eu-2099"));
        assertEquals("unknown rule set eu-2099", e.getMessage());
    }
}
