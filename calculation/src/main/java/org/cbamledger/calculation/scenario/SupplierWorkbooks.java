package org.cbamledger.calculation.scenario;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of {@code supplier-workbooks.csv} become supplier statements read from {@code suppliers/*.xlsx}, the
 * supplier's filled communication template: figures, name, country, CN code and period from the workbook's cells,
 * the statement id, installation id and verification from the row. Every workbook in {@code suppliers/} is named by
 * one row, and a row names nothing outside it.
 */
final class SupplierWorkbooks {
    static final String DIRECTORY = "suppliers";
    private static final Pattern WORKBOOK = Pattern.compile(DIRECTORY + "/[A-Za-z0-9][A-Za-z0-9._-]*\\.xlsx");

    private SupplierWorkbooks() {}

    /** The rows' statements; each workbook, to be archived and anchored by the row's party, goes into {@code documents}. */
    static List<ScenarioRecord> read(Path scenario, List<ScenarioRecord> rows, List<ScenarioDocument> documents)
            throws ScenarioException {
        Set<String> unnamed = workbooks(scenario);
        if (rows.isEmpty() && unnamed.isEmpty()) {
            return List.of();
        }
        SupplierWorkbookReader reader = ServiceLoader.load(SupplierWorkbookReader.class).findFirst()
                .orElseThrow(() -> new ScenarioException(TableSpec.SUPPLIER_WORKBOOKS.fileName()
                        + ": reading supplier workbooks needs the exchange module on the class path (./cbam calculate and ./cbam demo have it)"));
        List<ScenarioRecord> statements = new ArrayList<>();
        for (ScenarioRecord row : rows) {
            ObjectNode cells = row.record();
            String file = cells.get("workbook").asString();
            if (!WORKBOOK.matcher(file).matches()) {
                throw new ScenarioException(row.source() + ", column workbook: " + file + " is not a file name under "
                        + DIRECTORY + "/ ending in .xlsx");
            }
            if (!unnamed.remove(file)) {
                throw new ScenarioException(row.source() + ", column workbook: no file " + file + " in the scenario");
            }
            SupplierWorkbookReader.Row asked = new SupplierWorkbookReader.Row(cells.get("cnCode").asString(),
                    cells.get("statementId").asString(), cells.get("supplierInstallationId").asString(),
                    cells.get("verified").asBoolean(), text(cells.get("verifier")));
            try {
                ObjectNode record = reader.statement(Files.readAllBytes(scenario.resolve(file)), asked);
                statements.add(new ScenarioRecord(row.partyId(), row.kind(), record, row.source() + " (" + file + ")"));
                documents.add(new ScenarioDocument(row.partyId(), scenario.resolve(file), row.kind() + "/" + asked.statementId()));
            } catch (Exception e) { // the reader's errors name the sheet and cell; this names the row and file
                throw new ScenarioException(row.source() + ": " + file + ": " + e.getMessage(), e);
            }
        }
        if (!unnamed.isEmpty()) {
            throw new ScenarioException(String.join(", ", unnamed) + ": no row of " + TableSpec.SUPPLIER_WORKBOOKS.fileName()
                    + " names this workbook");
        }
        return statements;
    }

    private static Set<String> workbooks(Path scenario) throws ScenarioException {
        Set<String> found = new TreeSet<>();
        Path dir = scenario.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.xlsx")) {
            files.forEach(f -> found.add(DIRECTORY + "/" + f.getFileName()));
        } catch (IOException e) {
            throw new ScenarioException(DIRECTORY + "/: " + e.getMessage(), e);
        }
        return found;
    }

    private static String text(JsonNode cell) {
        return cell == null ? null : cell.asString();
    }
}
