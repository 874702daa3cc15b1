package org.cbamledger.calculation.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cbamledger.calculation.core.Installation;
import org.cbamledger.calculation.csv.CsvException;
import org.cbamledger.calculation.csv.CsvTable;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a scenario directory (format in scenarios/README.md) into records, each with the party that submits it.
 * Every error names the file, the line and column or the JSON field, and what is wrong.
 */
public final class ScenarioLoader {
    public static final String FORMAT = "cbam-ledger-scenario/v1";
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path directory;
    private final List<Party> parties = new ArrayList<>();
    private final Map<String, Party> partiesById = new HashMap<>();
    private final SupplierReferences suppliers = new SupplierReferences(partiesById);
    private final Map<String, ObjectNode> batches = new LinkedHashMap<>();
    private final List<ScenarioDocument> documents = new ArrayList<>();

    private ScenarioLoader(Path directory) {
        this.directory = directory;
    }

    public static Scenario load(Path directory) throws ScenarioException {
        if (!Files.isDirectory(directory)) {
            throw new ScenarioException(directory + ": not a scenario directory");
        }
        return new ScenarioLoader(directory).read();
    }

    private Scenario read() throws ScenarioException {
        JsonNode root = ScenarioJson.read(directory, "scenario.json");
        ScenarioJson.strictMembers(root, "scenario.json: ", "format", "name", "description", "installation", "calculation", "statement");
        if (!FORMAT.equals(root.path("format").asString(""))) {
            throw new ScenarioException("scenario.json: format: must be " + FORMAT);
        }
        JsonNode inst = ScenarioJson.object(root, "installation", "scenario.json: ");
        Installation installation = installation(inst);
        readParties();
        List<ScenarioRecord> records = evidence(installation, ScenarioJson.string(inst, "operator", "scenario.json: installation."));
        registryMembers(inst, records.getFirst().record());
        CalculationSection calculation = CalculationSection.read(root, directory);
        JsonNode statement = ScenarioJson.object(root, "statement", "scenario.json: ");
        ScenarioJson.strictMembers(statement, "scenario.json: statement.", "issuer", "recipient");
        String issuer = knownParty(statement, "issuer");
        String recipient = knownParty(statement, "recipient");
        return new Scenario(ScenarioJson.string(root, "name", "scenario.json: "), installation, calculation.period(),
                calculation.cnCode(), calculation.ruleSetId(), calculation.ruleOverridesFile(), calculation.parameters(),
                issuer, recipient, parties, records, documents, suppliers.deprecations());
    }

    private static Installation installation(JsonNode inst) throws ScenarioException {
        ScenarioJson.strictMembers(inst, "scenario.json: installation.", "installationId", "operator", "name", "countryCode",
                "o3ciInstallationId", "address", "postCode", "city");
        String country = ScenarioJson.string(inst, "countryCode", "scenario.json: installation.");
        if (!COUNTRY.matcher(country).matches()) {
            throw new ScenarioException("scenario.json: installation.countryCode: '" + country + "' is not an ISO 3166-1 alpha-2 code");
        }
        return new Installation(
                ScenarioJson.string(inst, "installationId", "scenario.json: installation."),
                ScenarioJson.string(inst, "name", "scenario.json: installation."),
                country);
    }

    /** The records of the table files, in submission order (scenarios/README.md), each checked against the others. */
    private List<ScenarioRecord> evidence(Installation installation, String operator) throws ScenarioException {
        List<ScenarioRecord> records = new ArrayList<>();
        Set<String> lines = ids(readTable(TableSpec.LINES, installation, records));
        Set<String> factors = ids(readTable(TableSpec.FACTORS, installation, records));
        suppliers.resolve(readTable(TableSpec.PURCHASES, installation, records), TableSpec.PURCHASES.fileName());
        List<ScenarioRecord> statements = new ArrayList<>(readTable(TableSpec.SUPPLIER_STATEMENTS, installation, records));
        suppliers.resolve(statements, TableSpec.SUPPLIER_STATEMENTS.fileName());
        List<ScenarioRecord> fromWorkbooks = SupplierWorkbooks.read(directory,
                readTable(TableSpec.SUPPLIER_WORKBOOKS, installation, new ArrayList<>()), documents);
        records.addAll(fromWorkbooks);
        statements.addAll(fromWorkbooks);
        for (ScenarioRecord statement : statements) {
            checkSupplierStatement(statement, factors);
        }
        List<ScenarioRecord> batchRecords = readBatches(installation, lines);
        records.addAll(batchRecords);
        records.addFirst(installationRecord(installation, operator, lines, batchRecords));
        for (ScenarioRecord fuel : readTable(TableSpec.FUELS, installation, records)) {
            requireKnown(fuel, "lineId", lines, "lines.csv");
            checkFuel(fuel, factors);
        }
        for (ScenarioRecord electricity : readTable(TableSpec.ELECTRICITY, installation, records)) {
            requireKnown(electricity, "lineId", lines, "lines.csv");
            checkFactorChoice(electricity, "emissionFactorId", "emissionFactorTco2PerMwh", factors);
        }
        return records;
    }

    /** batches.csv with the rows of batch-precursors.csv and pfc.csv merged into their batches. */
    private List<ScenarioRecord> readBatches(Installation installation, Set<String> lines) throws ScenarioException {
        List<ScenarioRecord> batchRecords = readTable(TableSpec.BATCHES, installation, new ArrayList<>());
        for (ScenarioRecord batch : batchRecords) {
            requireKnown(batch, "lineId", lines, "lines.csv");
            batches.put(batch.record().get("batchId").asString(), batch.record());
        }
        mergeBatchPrecursors();
        mergeBatchComposition();
        mergePfc();
        return batchRecords;
    }

    private String knownParty(JsonNode statement, String member) throws ScenarioException {
        String partyId = ScenarioJson.string(statement, member, "scenario.json: statement.");
        if (!partiesById.containsKey(partyId)) {
            throw new ScenarioException("scenario.json: statement: party " + partyId + " is not in parties.csv");
        }
        return partyId;
    }

    /** The api-spec {@code installation} record: its country selects the default values, so it is evidence too. */
    private ScenarioRecord installationRecord(Installation installation, String operator, Set<String> lines,
            List<ScenarioRecord> batchRecords) throws ScenarioException {
        if (!partiesById.containsKey(operator)) {
            throw new ScenarioException("scenario.json: installation.operator: party " + operator + " is not in parties.csv");
        }
        ObjectNode record = NODES.objectNode();
        record.put("kind", Kinds.INSTALLATION);
        record.put("installationId", installation.installationId());
        record.put("operator", operator);
        record.put("name", installation.name());
        record.put("country", installation.countryCode());
        ArrayNode lineIds = record.putArray("productionLines");
        new TreeSet<>(lines).forEach(lineIds::add);
        TreeSet<String> cnCodes = new TreeSet<>();
        batchRecords.forEach(b -> cnCodes.add(b.record().get("cnCode").asString()));
        ArrayNode cnArray = record.putArray("cnCodes");
        cnCodes.forEach(cnArray::add);
        List<Party> submitters = parties.stream().filter(p -> p.submits().contains(Kinds.INSTALLATION)).toList();
        if (submitters.stream().noneMatch(p -> p.partyId().equals(operator))) {
            throw new ScenarioException("parties.csv: the operator " + operator + " must list installation in its submits column");
        }
        return new ScenarioRecord(operator, Kinds.INSTALLATION, record, "scenario.json installation");
    }

    /** The installation's optional O3CI id and address, copied into its record as written (the schema checks them). */
    private static void registryMembers(JsonNode inst, ObjectNode record) throws ScenarioException {
        for (String member : List.of("o3ciInstallationId", "address", "postCode", "city")) {
            if (inst.has(member)) {
                record.put(member, ScenarioJson.string(inst, member, "scenario.json: installation."));
            }
        }
    }

    private void readParties() throws ScenarioException {
        CsvTable table = table(directory.resolve(TableSpec.PARTIES.fileName()));
        TypedCells.checkHeader(table, TableSpec.PARTIES);
        for (CsvTable.Row row : table.rows()) {
            ObjectNode cells = TypedCells.of(row, TableSpec.PARTIES);
            String partyId = cells.get("partyId").asString();
            if (partiesById.containsKey(partyId)) {
                throw new ScenarioException(row.where("partyId") + ": party " + partyId + " appears twice");
            }
            List<String> submits = cells.has("submits")
                    ? Arrays.stream(cells.get("submits").asString().split("\\s+")).toList()
                    : List.of();
            Party party = new Party(partyId, cells.get("name").asString(), cells.get("partyType").asString(),
                    cells.get("country").asString(), submits);
            parties.add(party);
            partiesById.put(partyId, party);
        }
    }

    private List<ScenarioRecord> readTable(TableSpec spec, Installation installation, List<ScenarioRecord> out)
            throws ScenarioException {
        Path file = directory.resolve(spec.fileName());
        if (!Files.exists(file)) {
            if (spec.requiredFile()) {
                throw new ScenarioException(spec.fileName() + ": missing; every scenario has one");
            }
            return List.of();
        }
        CsvTable table = table(file);
        TypedCells.checkHeader(table, spec);
        List<ScenarioRecord> read = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            ObjectNode cells = TypedCells.of(row, spec);
            String id = cells.get(spec.idColumn()).asString();
            if (!ids.add(id)) {
                throw new ScenarioException(row.where(spec.idColumn()) + ": " + id + " appears twice in " + spec.fileName());
            }
            ObjectNode record = NODES.objectNode();
            record.put("kind", spec.kind());
            if (spec.installationScoped()) {
                record.put("installationId", installation.installationId());
            }
            record.setAll(cells);
            String party = party(row, spec.kind());
            read.add(new ScenarioRecord(party, spec.kind(), record, row.fileName() + " line " + row.line()));
        }
        out.addAll(read);
        return read;
    }

    /** A row of a table merged into the batch it names. */
    private interface BatchRowMerge {
        void merge(ObjectNode batch, ObjectNode cells, CsvTable.Row row) throws ScenarioException;
    }

    /** Each row of {@code spec}'s file, if the scenario has it, merged into the batch of its batchId column. */
    private void mergeIntoBatches(TableSpec spec, BatchRowMerge merge) throws ScenarioException {
        Path file = directory.resolve(spec.fileName());
        if (!Files.exists(file)) {
            return;
        }
        CsvTable table = table(file);
        TypedCells.checkHeader(table, spec);
        for (CsvTable.Row row : table.rows()) {
            ObjectNode cells = TypedCells.of(row, spec);
            merge.merge(batch(row, cells.remove("batchId").asString()), cells, row);
        }
    }

    private void mergeBatchPrecursors() throws ScenarioException {
        mergeIntoBatches(TableSpec.BATCH_PRECURSORS, (batch, cells, row) -> {
            ArrayNode precursors = batch.has("precursors") ? (ArrayNode) batch.get("precursors") : batch.putArray("precursors");
            precursors.add(cells);
        });
    }

    private void mergeBatchComposition() throws ScenarioException {
        mergeIntoBatches(TableSpec.BATCH_COMPOSITION, (batch, cells, row) -> {
            String source = cells.remove("source").asString();
            ObjectNode composition = batch.has("alloyComposition") ? (ObjectNode) batch.get("alloyComposition")
                    : batch.putObject("alloyComposition").put("source", source);
            if (!composition.get("source").asString().equals(source)) {
                throw new ScenarioException(row.where("source") + ": the batch's composition already names the source "
                        + composition.get("source").asString() + "; one source per batch");
            }
            ArrayNode elements = composition.has("elements") ? (ArrayNode) composition.get("elements") : composition.putArray("elements");
            elements.add(cells);
        });
    }

    private void mergePfc() throws ScenarioException {
        mergeIntoBatches(TableSpec.PFC, (batch, cells, row) -> {
            if (batch.has("pfc")) {
                throw new ScenarioException(row.where("batchId") + ": batch already has a pfc row");
            }
            List<String> needed = cells.get("method").asString().equals("slope")
                    ? List.of("anodeEffectsPerCellDay", "anodeEffectDurationMinutes")
                    : List.of("anodeEffectOvervoltageMv", "currentEfficiencyPercent");
            for (String column : needed) {
                if (!cells.has(column)) {
                    throw new ScenarioException(row.where(column) + ": missing; the " + cells.get("method").asString()
                            + " method needs it");
                }
            }
            batch.set("pfc", cells);
        });
    }

    private ObjectNode batch(CsvTable.Row row, String batchId) throws ScenarioException {
        ObjectNode batch = batches.get(batchId);
        if (batch == null) {
            throw new ScenarioException(row.where("batchId") + ": no batch " + batchId + " in batches.csv");
        }
        return batch;
    }

    private void checkFuel(ScenarioRecord fuel, Set<String> factors) throws ScenarioException {
        ObjectNode r = fuel.record();
        boolean energy = r.has("energyGj");
        boolean activity = r.has("quantity") || r.has("unit") || r.has("ncvGjPerUnit");
        if (energy == activity || (activity && !(r.has("quantity") && r.has("unit") && r.has("ncvGjPerUnit")))) {
            throw new ScenarioException(fuel.source() + ": give either energyGj, or quantity, unit and ncvGjPerUnit");
        }
        checkFactorChoice(fuel, "emissionFactorId", "emissionFactorTco2PerGj", factors);
    }

    private void checkSupplierStatement(ScenarioRecord statement, Set<String> factors) throws ScenarioException {
        ObjectNode r = statement.record();
        if (r.has("indirectSeeTco2PerTonne") == r.has("electricityMwhPerTonne")) {
            throw new ScenarioException(statement.source() + ": give either indirectSeeTco2PerTonne or electricityMwhPerTonne");
        }
        if (r.has("electricityMwhPerTonne")) {
            checkFactorChoice(statement, "electricityEmissionFactorId", "electricityEmissionFactorTco2PerMwh", factors);
        }
        if (r.get("verified").asBoolean() && !r.has("verifier")) {
            throw new ScenarioException(statement.source() + ", column verifier: a verified statement names its verifier");
        }
    }

    private void checkFactorChoice(ScenarioRecord record, String idColumn, String valueColumn, Set<String> factors)
            throws ScenarioException {
        ObjectNode r = record.record();
        if (r.has(idColumn) == r.has(valueColumn)) {
            throw new ScenarioException(record.source() + ": give exactly one of " + idColumn + " and " + valueColumn);
        }
        if (r.has(idColumn)) {
            requireKnown(record, idColumn, factors, "factors.csv");
        }
    }

    private static void requireKnown(ScenarioRecord record, String column, Set<String> known, String file)
            throws ScenarioException {
        String value = record.record().get(column).asString();
        if (!known.contains(value)) {
            throw new ScenarioException(record.source() + ", column " + column + ": " + value + " is not in " + file);
        }
    }

    private static Set<String> ids(List<ScenarioRecord> records) {
        Set<String> ids = new HashSet<>();
        for (ScenarioRecord record : records) {
            ids.add(record.record().get(idColumnOf(record.kind())).asString());
        }
        return ids;
    }

    private static String idColumnOf(String kind) {
        return switch (kind) {
            case Kinds.PRODUCTION_LINE -> "lineId";
            case Kinds.EMISSION_FACTOR -> "factorId";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The party of a row: its {@code party} cell, or the one party whose {@code submits} lists the kind. */
    private String party(CsvTable.Row row, String kind) throws ScenarioException {
        String named = row.cells().get("party");
        List<Party> submitters = parties.stream().filter(p -> p.submits().contains(kind)).toList();
        if (named != null) {
            if (submitters.stream().noneMatch(p -> p.partyId().equals(named))) {
                throw new ScenarioException(row.where("party") + ": party " + named + " does not submit " + kind
                        + " (see submits in parties.csv)");
            }
            return named;
        }
        if (submitters.size() != 1) {
            throw new ScenarioException(row.fileName() + " line " + row.line() + ": " + submitters.size()
                    + " parties submit " + kind + " in parties.csv; name one in a party column");
        }
        return submitters.getFirst().partyId();
    }


    /** A table file of a scenario directory, its errors as scenario errors. */
    public static CsvTable table(Path file) throws ScenarioException {
        try {
            return CsvTable.read(file);
        } catch (CsvException e) {
            throw new ScenarioException(e.getMessage(), e);
        }
    }
}
