package org.cbamledger.calculation.scenario;

import static org.cbamledger.calculation.scenario.Column.ColumnType.BOOLEAN;
import static org.cbamledger.calculation.scenario.Column.ColumnType.CN_CODE;
import static org.cbamledger.calculation.scenario.Column.ColumnType.COUNTRY;
import static org.cbamledger.calculation.scenario.Column.ColumnType.DATE;
import static org.cbamledger.calculation.scenario.Column.ColumnType.GOOD_CN_CODE;
import static org.cbamledger.calculation.scenario.Column.ColumnType.NUMBER;
import static org.cbamledger.calculation.scenario.Column.ColumnType.PERCENT;
import static org.cbamledger.calculation.scenario.Column.ColumnType.TEXT;

import java.util.List;
import org.cbamledger.spec.Kinds;

/**
 * A table file of a scenario and the record kind each row becomes. {@code installationScoped} rows get the
 * scenario's installationId; {@code kind} null means the rows are merged into other records.
 */
record TableSpec(String fileName, String kind, boolean installationScoped, boolean requiredFile, String idColumn, List<Column> columns) {

    static final TableSpec PARTIES = new TableSpec("parties.csv", null, false, true, "partyId", List.of(
            Column.required("partyId", TEXT), Column.required("name", TEXT),
            Column.oneOf("partyType", true, "operator", "renewable-producer", "supplier", "trader", "importer", "verifier",
                    "log-operator"),
            Column.required("country", COUNTRY), Column.optional("submits", TEXT)));

    static final TableSpec LINES = new TableSpec("lines.csv", Kinds.PRODUCTION_LINE, true, true, "lineId", List.of(
            Column.required("lineId", TEXT), Column.required("name", TEXT),
            Column.oneOf("process", true, "smelting", "casting", "remelting", "extrusion", "rolling", "finishing", "other"),
            Column.optional("technology", TEXT)));

    static final TableSpec FACTORS = new TableSpec("factors.csv", Kinds.EMISSION_FACTOR, false, false, "factorId", List.of(
            Column.required("factorId", TEXT), Column.required("value", NUMBER),
            Column.oneOf("unit", true, "tCO2/GJ", "tCO2/MWh", "tCO2/t"),
            Column.required("description", TEXT), Column.required("source", TEXT)));

    static final TableSpec PURCHASES = new TableSpec("purchases.csv", Kinds.PRECURSOR_PURCHASE, true, false, "purchaseId", List.of(
            Column.required("purchaseId", TEXT), Column.required("supplierInstallationId", TEXT),
            Column.optional("supplier", TEXT), Column.optional("supplierName", TEXT), Column.optional("countryOfOrigin", COUNTRY),
            Column.required("cnCode", CN_CODE), Column.required("tonnes", NUMBER), Column.required("deliveryDate", DATE),
            Column.oneOf("scrapOrigin", false, "pre-consumer", "post-consumer")));

    static final TableSpec SUPPLIER_STATEMENTS = new TableSpec("supplier-statements.csv", Kinds.SUPPLIER_PRECURSOR_STATEMENT,
            false, false, "statementId", List.of(
            Column.required("statementId", TEXT), Column.required("supplierInstallationId", TEXT),
            Column.optional("supplier", TEXT), Column.optional("supplierName", TEXT), Column.optional("countryOfOrigin", COUNTRY),
            Column.required("cnCode", CN_CODE), Column.required("periodFrom", DATE), Column.required("periodTo", DATE),
            Column.required("directSeeTco2PerTonne", NUMBER), Column.optional("indirectSeeTco2PerTonne", NUMBER),
            Column.optional("electricityMwhPerTonne", NUMBER), Column.optional("electricityEmissionFactorId", TEXT),
            Column.optional("electricityEmissionFactorTco2PerMwh", NUMBER),
            Column.required("verified", BOOLEAN), Column.optional("verifier", TEXT),
            Column.oneOf("scrapOrigin", false, "pre-consumer", "post-consumer"),
            Column.optional("preConsumerScrapPercent", PERCENT), Column.optional("otherElementsPercent", PERCENT)));

    /** Supplier statements given as the supplier's filled communication template (SupplierWorkbooks). */
    static final TableSpec SUPPLIER_WORKBOOKS = new TableSpec("supplier-workbooks.csv", Kinds.SUPPLIER_PRECURSOR_STATEMENT,
            false, false, "statementId", List.of(
            Column.required("workbook", TEXT), Column.required("statementId", TEXT),
            Column.required("supplierInstallationId", TEXT), Column.required("cnCode", CN_CODE),
            Column.required("verified", BOOLEAN), Column.optional("verifier", TEXT)));

    static final TableSpec BATCHES = new TableSpec("batches.csv", Kinds.PRODUCTION_BATCH, true, true, "batchId", List.of(
            Column.required("batchId", TEXT), Column.required("lineId", TEXT), Column.required("product", TEXT),
            Column.optional("alloy", TEXT), Column.required("cnCode", GOOD_CN_CODE),
            Column.required("periodFrom", DATE), Column.required("periodTo", DATE),
            Column.required("tonnesIn", NUMBER), Column.required("tonnesOut", NUMBER), Column.optional("scrapTonnes", NUMBER),
            Column.oneOf("destination", true, "EU", "non-EU")));

    static final TableSpec BATCH_PRECURSORS = new TableSpec("batch-precursors.csv", null, false, false, null, List.of(
            Column.required("batchId", TEXT), Column.required("supplierInstallationId", TEXT),
            Column.required("cnCode", CN_CODE), Column.required("tonnes", NUMBER)));

    /** One row per element other than aluminium of a batch's output: its alloyComposition. */
    static final TableSpec BATCH_COMPOSITION = new TableSpec("batch-composition.csv", null, false, false, null, List.of(
            Column.required("batchId", TEXT), Column.required("element", TEXT), Column.required("massPercent", NUMBER),
            Column.required("source", TEXT)));

    static final TableSpec PFC = new TableSpec("pfc.csv", null, false, false, "batchId", List.of(
            Column.required("batchId", TEXT), Column.oneOf("method", true, "slope", "overvoltage"),
            Column.required("technology", TEXT), Column.optional("anodeEffectsPerCellDay", NUMBER),
            Column.optional("anodeEffectDurationMinutes", NUMBER), Column.optional("anodeEffectOvervoltageMv", NUMBER),
            Column.optional("currentEfficiencyPercent", NUMBER), Column.required("collectionEfficiency", NUMBER)));

    static final TableSpec FUELS = new TableSpec("fuels.csv", Kinds.FUEL_CONSUMPTION, true, false, "recordId", List.of(
            Column.required("recordId", TEXT), Column.required("lineId", TEXT), Column.required("sourceStream", TEXT),
            Column.required("fuel", TEXT), Column.required("periodFrom", DATE), Column.required("periodTo", DATE),
            Column.optional("quantity", NUMBER), Column.optional("unit", TEXT), Column.optional("ncvGjPerUnit", NUMBER),
            Column.optional("energyGj", NUMBER), Column.optional("emissionFactorId", TEXT),
            Column.optional("emissionFactorTco2PerGj", NUMBER), Column.required("oxidationFactor", NUMBER)));

    static final TableSpec ELECTRICITY = new TableSpec("electricity.csv", Kinds.ELECTRICITY_CONSUMPTION, true, false, "recordId", List.of(
            Column.required("recordId", TEXT), Column.required("lineId", TEXT),
            Column.required("periodFrom", DATE), Column.required("periodTo", DATE), Column.required("energyMwh", NUMBER),
            Column.oneOf("source", true, "grid", "ppa-renewable", "on-site-renewable", "direct-line", "backup-fossil",
                    "replacement", "unverified"),
            Column.optional("emissionFactorId", TEXT), Column.optional("emissionFactorTco2PerMwh", NUMBER)));

    Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
