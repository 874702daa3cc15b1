package org.cbamledger.service.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.CalculationRequest;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.electricity.ElectricityClass;
import org.cbamledger.calculation.electricity.ElectricityLedgerResult;
import org.cbamledger.calculation.gaps.GapReport;
import org.cbamledger.calculation.gaps.GapReporter;
import org.cbamledger.calculation.method.MeteredElectricity;

/**
 * What the demo shows of a scenario whose indirect emissions come from metered electricity (seed 002): the
 * electricity ledger's classes and the gap report of the installation and period, as JSON and as text.
 */
record ElectricityDemoReport(ElectricityLedgerResult ledger, GapReport gaps) {

    /** Empty when the calculation did not take its indirect emissions from the electricity ledger. */
    static java.util.Optional<ElectricityDemoReport> of(CalculationRequest request, CalculationResult result)
            throws CalculationException {
        if (result.meteredElectricity().isEmpty()) {
            return java.util.Optional.empty();
        }
        MeteredElectricity metered = result.meteredElectricity().get();
        return java.util.Optional.of(new ElectricityDemoReport(metered.ledger(),
                GapReporter.report(request, metered.ledger().rules())));
    }

    void print(PrintStream console) {
        console.println("electricity ledger " + ledger.installationId() + " " + ledger.period().from() + ".."
                + ledger.period().to() + " (grid factor " + ledger.rules().gridFactorId() + "):");
        for (ElectricityClass cls : ElectricityClass.values()) {
            console.printf("  %-18s %14s MWh %14s t CO2%n", cls.wireName(), ledger.energyMwh(cls).toPlainString(),
                    ledger.emissionsTco2(cls).toPlainString());
        }
        console.printf("  %-18s %14s MWh%n", "total", ledger.totalEnergyMwh().value().toPlainString());
        console.println("  matching: " + ledger.matchingSummary());
        console.println("gap report: " + gaps.gaps().size() + " gaps");
    }

    /**
     * Writes {@code <bundle dir>-gap-report.json} and {@code .txt} beside the bundle directory: a bundle holds
     * only the files of BUNDLE.md, so the report cannot go inside it.
     */
    Path[] writeGapReport(Path bundleDir) throws IOException {
        Path dir = bundleDir.toAbsolutePath().normalize();
        Path json = dir.resolveSibling(dir.getFileName() + "-gap-report.json");
        Path text = dir.resolveSibling(dir.getFileName() + "-gap-report.txt");
        Files.writeString(json, gaps.toJson().toPrettyString() + "\n", StandardCharsets.UTF_8);
        Files.writeString(text, gaps.toText(), StandardCharsets.UTF_8);
        return new Path[] {json, text};
    }
}
