package org.cbamledger.calculation.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cbamledger.calculation.TestEvidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    @TempDir
    Path dir;

    private Path copyOfWorkedExample() throws IOException {
        try (Stream<Path> files = Files.list(TestEvidence.WORKED_EXAMPLE)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    private void replace(String file, String from, String to) throws IOException {
        String text = Files.readString(dir.resolve(file));
        assertTrue(text.contains(from), file + " contains " + from);
        Files.writeString(dir.resolve(file), text.replace(from, to));
    }

    @Test
    void supplierWorkbooks_withoutTheExchangeModule_sayWhatIsNeeded() throws Exception {
        copyOfWorkedExample();
        Files.createDirectories(dir.resolve("suppliers"));
        Files.copy(Path.of("..", "scenarios", "turkish-extruder-2026-workbook", "suppliers", "MY-BILLETS-01-2026.xlsx"),
                dir.resolve("suppliers/MY-BILLETS-01-2026.xlsx"));
        assertEquals("supplier-workbooks.csv: reading supplier workbooks needs the exchange module on the class path"
                + " (./cbam calculate and ./cbam demo have it)", failure());
    }

    private String failure() {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir)).getMessage();
    }

    @Test
    void load_workedExampleGivesEachRecordItsSubmittingParty() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        assertEquals("TR", scenario.installation().countryCode());
        assertEquals("76041090", scenario.cnCode());
        assertEquals("seed-total", scenario.ruleSetId());
        Map<String, String> partyBySource = new TreeMap<>();
        scenario.records().forEach(r -> partyBySource.put(r.source(), r.partyId() + " " + r.kind()));
        assertEquals("extruder installation", partyBySource.get("scenario.json installation"));
        assertEquals("billet-supplier supplier-precursor-statement", partyBySource.get("supplier-statements.csv line 3"));
        assertEquals("billet-supplier emission-factor", partyBySource.get("factors.csv line 3"));
        assertEquals("extruder emission-factor", partyBySource.get("factors.csv line 2"));
        assertEquals("extruder fuel-consumption", partyBySource.get("fuels.csv line 3"));
        assertEquals(9, scenario.records().size());
        var batch = scenario.records().stream().filter(r -> r.kind().equals("production-batch")).findFirst().orElseThrow();
        assertEquals("2200", batch.record().at("/precursors/0/tonnes").asString());
        assertEquals("7601", batch.record().at("/precursors/0/cnCode").asString());
    }

    @Test
    void load_namesFileLineAndColumnOfABadNumber() throws Exception {
        copyOfWorkedExample();
        replace("batches.csv", "2200,2000,200", "2200,\"2,000\",200");
        assertEquals("batches.csv line 2, column tonnesOut: '2,000' is not a number (use a dot for decimals, no thousands separator)",
                failure());
    }

    @Test
    void load_namesARowWithTooManyCells() throws Exception {
        copyOfWorkedExample();
        replace("batches.csv", "2200,2000,200", "2200,2,000,200");
        assertEquals("batches.csv line 2: 12 cells, but the header has 11 columns", failure());
    }

    @Test
    void load_namesAnUnknownEmissionFactor() throws Exception {
        copyOfWorkedExample();
        replace("fuels.csv", "400,natural-gas-ipcc-2006", "400,natural-gas-x");
        assertEquals("fuels.csv line 4, column emissionFactorId: natural-gas-x is not in factors.csv", failure());
    }

    @Test
    void load_namesAMissingColumn() throws Exception {
        copyOfWorkedExample();
        replace("batches.csv", "tonnesIn,tonnesOut,", "tonnesIn,tonnesProduced,");
        assertEquals("batches.csv line 1: unknown column tonnesProduced", failure());
    }

    @Test
    void load_namesAMissingValue() throws Exception {
        copyOfWorkedExample();
        replace("supplier-statements.csv", "supplier,7601,2026-01-01,2026-12-31,0.02805", "supplier,7601,2026-01-01,2026-12-31,");
        assertEquals("supplier-statements.csv line 3, column directSeeTco2PerTonne: missing value", failure());
    }

    @Test
    void load_namesABadJsonField() throws Exception {
        copyOfWorkedExample();
        replace("scenario.json", "\"7604 10 90\"", "\"7604-10\"");
        assertEquals("scenario.json: calculation.cnCode: '7604-10' is not an 8-digit CN code", failure());
    }

    @Test
    void load_namesAnUnknownRuleSet() throws Exception {
        copyOfWorkedExample();
        replace("scenario.json", "\"seed-total\"", "\"eu-2099\"");
        assertEquals("scenario.json: calculation.ruleSet: unknown rule set eu-2099", failure());
    }

    @Test
    void load_namesTheLineOfBrokenJson() throws Exception {
        copyOfWorkedExample();
        replace("scenario.json", "\"ruleSet\": \"seed-total\",", "\"ruleSet\": \"seed-total\"");
        String message = failure();
        assertTrue(message.startsWith("scenario.json: not valid JSON at line 16, column"), message);
    }

    @Test
    void load_asksForAPartyColumnWhenTwoPartiesSubmitAKind() throws Exception {
        copyOfWorkedExample();
        replace("factors.csv", "factorId,party,", "factorId,");
        replace("factors.csv", "natural-gas-ipcc-2006,extruder,", "natural-gas-ipcc-2006,");
        replace("factors.csv", "grid-my-2026,billet-supplier,", "grid-my-2026,");
        assertEquals("factors.csv line 2: 2 parties submit emission-factor in parties.csv; name one in a party column", failure());
    }

    @Test
    void load_rejectsAPartyThatDoesNotSubmitTheKind() throws Exception {
        copyOfWorkedExample();
        replace("factors.csv", "grid-my-2026,billet-supplier,", "grid-my-2026,importer,");
        assertEquals("factors.csv line 3, column party: party importer does not submit emission-factor (see submits in parties.csv)",
                failure());
    }

    @Test
    void load_rejectsAnEightDigitCnCodeViolationForGoods() throws Exception {
        copyOfWorkedExample();
        replace("batches.csv", "7604 10 90", "7604");
        assertEquals("batches.csv line 2, column cnCode: '7604' is not an 8-digit CN code", failure());
    }

    @Test
    void load_takesTheSupplierNameAndCountryFromParties() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        for (String kind : java.util.List.of("precursor-purchase", "supplier-precursor-statement")) {
            var record = scenario.records().stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow().record();
            assertEquals("Example Billets Sdn. Bhd.", record.get("supplierName").asString(), kind);
            assertEquals("MY", record.get("countryOfOrigin").asString(), kind);
            assertTrue(!record.has("supplier"), kind + " carries no supplier member (not in the schema)");
        }
        assertEquals(java.util.List.of(), scenario.deprecations());
    }

    @Test
    void load_readsTheDeprecatedSupplierColumnsIntoTheSameRecords() throws Exception {
        Scenario current = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        copyOfWorkedExample();
        replace("purchases.csv", "supplierInstallationId,supplier,", "supplierInstallationId,supplierName,countryOfOrigin,");
        replace("purchases.csv", "MY-BILLETS-01,billet-supplier,", "MY-BILLETS-01,Example Billets Sdn. Bhd.,MY,");
        replace("supplier-statements.csv", "supplierInstallationId,supplier,", "supplierInstallationId,supplierName,countryOfOrigin,");
        replace("supplier-statements.csv", "MY-BILLETS-01,billet-supplier,", "MY-BILLETS-01,Example Billets Sdn. Bhd.,MY,");
        Scenario legacy = ScenarioLoader.load(dir);
        assertEquals(current.records().stream().map(r -> r.record().toString()).toList(),
                legacy.records().stream().map(r -> r.record().toString()).toList());
        assertEquals(2, legacy.deprecations().size());
        assertTrue(legacy.deprecations().getFirst().startsWith("purchases.csv: the columns supplierName and countryOfOrigin"
                + " are deprecated"), legacy.deprecations().getFirst());
    }

    @Test
    void load_namesASupplierThatIsNotAParty() throws Exception {
        copyOfWorkedExample();
        replace("purchases.csv", "MY-BILLETS-01,billet-supplier,", "MY-BILLETS-01,billet-suplier,");
        assertEquals("purchases.csv line 2, column supplier: party billet-suplier is not in parties.csv", failure());
    }

    @Test
    void load_refusesTheSupplierNameBesideTheSupplierParty() throws Exception {
        copyOfWorkedExample();
        replace("supplier-statements.csv", "supplierInstallationId,supplier,", "supplierInstallationId,supplier,supplierName,");
        replace("supplier-statements.csv", "MY-BILLETS-01,billet-supplier,", "MY-BILLETS-01,billet-supplier,Other Name,");
        assertEquals("supplier-statements.csv line 3, column supplierName: the name of party billet-supplier comes from"
                + " parties.csv; leave supplierName empty or drop the column", failure());
    }

    @Test
    void load_asksForTheSupplierWhenARowNamesNone() throws Exception {
        copyOfWorkedExample();
        replace("purchases.csv", "MY-BILLETS-01,billet-supplier,", "MY-BILLETS-01,,");
        assertEquals("purchases.csv line 2, column supplier: missing value (the supplier's partyId in parties.csv)", failure());
    }

    @Test
    void load_keepsAnOwnCountryOfOriginOfARow() throws Exception {
        copyOfWorkedExample();
        replace("purchases.csv", "supplierInstallationId,supplier,", "supplierInstallationId,supplier,countryOfOrigin,");
        replace("purchases.csv", "MY-BILLETS-01,billet-supplier,", "MY-BILLETS-01,billet-supplier,IN,");
        var purchase = ScenarioLoader.load(dir).records().stream().filter(r -> r.kind().equals("precursor-purchase"))
                .findFirst().orElseThrow().record();
        assertEquals("IN", purchase.get("countryOfOrigin").asString());
        assertEquals("Example Billets Sdn. Bhd.", purchase.get("supplierName").asString());
    }

    @Test
    void load_mergesTheBatchCompositionIntoItsBatch() throws Exception {
        var batch = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE).records().stream()
                .filter(r -> r.kind().equals("production-batch")).findFirst().orElseThrow().record();
        assertEquals("cast analysis of the AA6060 billets (illustrative)", batch.at("/alloyComposition/source").asString());
        assertEquals(8, batch.at("/alloyComposition/elements").size());
        assertEquals("Mg", batch.at("/alloyComposition/elements/4/element").asString());
        assertEquals("0.47", batch.at("/alloyComposition/elements/4/massPercent").asString());
    }

    @Test
    void load_refusesTwoSourcesForOneBatchsComposition_andANegativeShare() throws Exception {
        copyOfWorkedExample();
        replace("batch-composition.csv", "CAMPAIGN-2026,Ti,0.02,cast analysis", "CAMPAIGN-2026,Ti,0.02,another analysis");
        assertTrue(failure().startsWith("batch-composition.csv line 11, column source: the batch's composition already names"), failure());
        replace("batch-composition.csv", "CAMPAIGN-2026,Ti,0.02,another analysis", "CAMPAIGN-2026,Ti,-0.02,cast analysis");
        assertEquals("batch-composition.csv line 11, column massPercent: -0.02 is negative", failure());
    }

    @Test
    void load_readsAScrapOrigin_andRefusesAnUnknownOne() throws Exception {
        copyOfWorkedExample();
        replace("purchases.csv", "tonnes,deliveryDate", "tonnes,deliveryDate,scrapOrigin");
        replace("purchases.csv", "2026-01-20", "2026-01-20,new scrap");
        assertTrue(failure().startsWith("purchases.csv line 2, column scrapOrigin: "), failure());
        replace("purchases.csv", "2026-01-20,new scrap", "2026-01-20,post-consumer");
        var purchase = ScenarioLoader.load(dir).records().stream().filter(r -> r.kind().equals("precursor-purchase"))
                .findFirst().orElseThrow().record();
        assertEquals("post-consumer", purchase.get("scrapOrigin").asString());
    }

    @Test
    void load_readsASuppliersAluminiumParameters_andRefusesAShareAbove100Percent() throws Exception {
        copyOfWorkedExample();
        replace("supplier-statements.csv", "verified,verifier", "verified,verifier,preConsumerScrapPercent,otherElementsPercent");
        replace("supplier-statements.csv", "verification body", "verification body,100.5,0.9");
        assertEquals("supplier-statements.csv line 3, column preConsumerScrapPercent: 100.5 % is more than 100 %", failure());
        replace("supplier-statements.csv", "body,100.5,0.9", "body,35.50,0.9");
        var statement = ScenarioLoader.load(dir).records().stream()
                .filter(r -> r.kind().equals("supplier-precursor-statement")).findFirst().orElseThrow().record();
        assertEquals("35.5", statement.get("preConsumerScrapPercent").asString());
        assertEquals("0.9", statement.get("otherElementsPercent").asString());
        org.cbamledger.spec.RecordValidator.validate(statement);
    }
}
