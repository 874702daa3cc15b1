package org.cbamledger.calculation.statement;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.TestEvidence;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatementPdfRendererTest {

    @Test
    void render_showsEveryHeadlineFigureWithItsDerivationAndEvidence() throws Exception {
        Scenario scenario = ScenarioLoader.load(TestEvidence.WORKED_EXAMPLE);
        var evidence = TestEvidence.of(scenario);
        JsonNode statement = EmissionsStatements.build(EmissionsCalculator.calculate(scenario.request(evidence)),
                new StatementIssue("st-1", "2026-11-22T10:00:00Z", "extruder", "importer"));
        byte[] pdf = StatementPdfRenderer.render(statement);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        for (String expected : new String[] {
            "Total emissions: 430.562 t CO2",
            "Direct emissions: 158.202 t CO2",
            "Indirect emissions: 272.36 t CO2",
            "Specific total embedded emissions: 0.215281 t CO2/t",
            "Specific direct embedded emissions: 0.079101 t CO2/t",
            "Cost, actual emissions: 23630.03 EUR",
            "Cost, default values: 400888.82 EUR",
            "Share from precursors: 77.59 %",
            "Default value with mark-up: 4.1155 t CO2/t",
            "fuel.reheating-furnace-2026.emissionsTco2 = 74.052 tCO2",
            "fuel.ageing-ovens-2026.emissionsTco2 = 22.44 tCO2",
            "rule certificatePrice.2026-Q1 = 75.36",
            evidence.get(6).leafHashHex(),
        }) {
            assertTrue(text.contains(expected), "PDF text lacks: " + expected);
        }
    }
}
