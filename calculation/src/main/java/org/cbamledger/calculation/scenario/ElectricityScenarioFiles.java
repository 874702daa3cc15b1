package org.cbamledger.calculation.scenario;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.calculation.csv.CsvTable;
import org.cbamledger.signer.JsonMappers;
import org.cbamledger.spec.Kinds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the electricity evidence files of a scenario directory (format in scenarios/README.md, section
 * "Electricity evidence files") into records: meters and their roles, hourly and daily readings, PPA contracts,
 * hourly generation with outage and curtailment logs, settlements, GO cancellations, producer declarations and
 * the allocation model. Every file is optional; each record is submitted by the one party whose submits lists it.
 */
public final class ElectricityScenarioFiles {
    private static final JsonMapper MAPPER = JsonMappers.EXACT_DECIMALS;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Path directory;
    private final Scenario scenario;
    private final List<ScenarioRecord> out = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, BigDecimal> registers = new HashMap<>();
    private final Map<String, String> devices = new HashMap<>();

    private ElectricityScenarioFiles(Path directory, Scenario scenario) {
        this.directory = directory;
        this.scenario = scenario;
    }

    public static List<ScenarioRecord> load(Path directory, Scenario scenario) throws ScenarioException {
        ElectricityScenarioFiles files = new ElectricityScenarioFiles(directory, scenario);
        files.read();
        return List.copyOf(files.out);
    }

    private void read() throws ScenarioException {
        String installationId = scenario.installation().installationId();
        for (CsvTable.Row row : rows("meters.csv")) {
            Map<String, String> c = row.cells();
            ObjectNode meter = record(Kinds.METER);
            meter.put("meterId", need(row, "meterId"));
            meter.put("installationId", installationId);
            meter.put("deviceId", need(row, "deviceId"));
            meter.put("measures", "active-energy-import");
            meter.put("protocol", c.getOrDefault("protocol", "csv"));
            meter.put("intervalSeconds", Integer.parseInt(need(row, "intervalSeconds")));
            devices.put(c.get("meterId"), c.get("deviceId"));
            add(Kinds.METER, meter, row);
            ObjectNode role = record(Kinds.METER_ROLE);
            role.put("meterId", c.get("meterId"));
            role.put("installationId", installationId);
            role.put("role", need(row, "role"));
            for (String optional : List.of("lineId", "parentMeterId", "equipment", "emissionFactorId", "emissionFactorTco2PerMwh", "description")) {
                if (c.containsKey(optional)) {
                    role.put(optional, c.get(optional));
                }
            }
            if (c.containsKey("renewable")) {
                role.put("renewable", Boolean.parseBoolean(c.get("renewable")));
            }
            add(Kinds.METER_ROLE, role, row);
        }
        for (JsonNode contract : json("ppa-contracts.json")) {
            ObjectNode record = (ObjectNode) contract.deepCopy();
            record.put("kind", Kinds.PPA_CONTRACT);
            record.put("installationId", installationId);
            out.add(new ScenarioRecord(party(Kinds.PPA_CONTRACT, "ppa-contracts.json"), Kinds.PPA_CONTRACT, record, "ppa-contracts.json"));
        }
        if (Files.exists(directory.resolve("allocation-model.json"))) {
            ObjectNode model = (ObjectNode) single("allocation-model.json").deepCopy();
            model.put("kind", Kinds.ALLOCATION_MODEL);
            model.put("installationId", installationId);
            out.add(new ScenarioRecord(party(Kinds.ALLOCATION_MODEL, "allocation-model.json"), Kinds.ALLOCATION_MODEL, model, "allocation-model.json"));
        }
        for (CsvTable.Row row : rows("meter-hourly.csv")) {
            readings(row, 3600);
        }
        for (CsvTable.Row row : rows("meter-daily.csv")) {
            readings(row, 86400);
        }
        for (CsvTable.Row row : rows("meter-monthly.csv")) {
            monthlyReading(row);
        }
        Map<String, List<CsvTable.Row>> events = new HashMap<>();
        for (CsvTable.Row row : rows("generation-events.csv")) {
            events.computeIfAbsent(need(row, "meterId") + "\n" + need(row, "from").substring(0, 10), k -> new ArrayList<>()).add(row);
        }
        for (CsvTable.Row row : rows("generation-hourly.csv")) {
            generation(row, events.getOrDefault(need(row, "meterId") + "\n" + need(row, "date"), List.of()));
        }
        for (CsvTable.Row row : rows("generation-monthly.csv")) {
            monthlyGeneration(row);
        }
        for (CsvTable.Row row : rows("go-cancellations.csv")) {
            goCancellation(row, installationId);
        }
        for (CsvTable.Row row : rows("settlements.csv")) {
            settlement(row, installationId);
        }
        for (CsvTable.Row row : rows("producer-declarations.csv")) {
            declaration(row);
        }
    }

    /** One meter-reading-batch per meter and day; the register (scale 0.01 kWh) counts up from zero. */
    private void readings(CsvTable.Row row, int intervalSeconds) throws ScenarioException {
        String[] values = need(row, "kwh").split(" ");
        if (values.length * intervalSeconds != 86400) {
            throw new ScenarioException(row.where("kwh") + ": " + values.length + " values, expected " + 86400 / intervalSeconds);
        }
        ObjectNode batch = readingBatch(row);
        Instant start = date(row, "date").atStartOfDay().toInstant(ZoneOffset.UTC);
        for (String value : values) {
            reading(batch, row, start, start.plusSeconds(intervalSeconds), value);
            start = start.plusSeconds(intervalSeconds);
        }
        add(Kinds.METER_READING_BATCH, batch, row);
    }

    /** meter-monthly.csv ({@code meterId,month,kwh}): one reading over the whole calendar month (seed 002: monthly basis). */
    private void monthlyReading(CsvTable.Row row) throws ScenarioException {
        YearMonth month = month(row);
        ObjectNode batch = readingBatch(row);
        reading(batch, row, month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC), need(row, "kwh"));
        add(Kinds.METER_READING_BATCH, batch, row);
    }

    private ObjectNode readingBatch(CsvTable.Row row) throws ScenarioException {
        String meterId = need(row, "meterId");
        if (!devices.containsKey(meterId)) {
            throw new ScenarioException(row.where("meterId") + ": meter " + meterId + " is not in meters.csv");
        }
        ObjectNode batch = record(Kinds.METER_READING_BATCH);
        batch.put("meterId", meterId);
        batch.put("deviceId", devices.get(meterId));
        // device batch numbering is per device (the ledger refuses a reused sequence), not per meter
        batch.put("sequence", sequences.merge(devices.get(meterId), 1L, Long::sum) - 1);
        batch.putArray("readings");
        return batch;
    }

    private void reading(ObjectNode batch, CsvTable.Row row, Instant start, Instant end, String value) throws ScenarioException {
        ObjectNode reading = batch.withArray("readings").addObject();
        reading.put("intervalStart", start.toString());
        reading.put("intervalEnd", end.toString());
        if (value.equals("-")) {
            reading.putNull("energyKwh");
            reading.putNull("rawRegisterValue");
            reading.put("scale", "0.01");
            reading.put("quality", "GAP");
            return;
        }
        BigDecimal kwh = number(row, "kwh", value);
        BigDecimal register = registers.merge(batch.get("meterId").asString(), kwh, BigDecimal::add);
        reading.put("energyKwh", kwh.toPlainString());
        reading.put("rawRegisterValue", String.format("%016x", register.movePointRight(2).longValueExact()));
        reading.put("scale", "0.01");
        reading.put("quality", "GOOD");
    }

    /** generation-monthly.csv ({@code assetId,meterId,month,mwh}): the month's net generation (resolution P1M). */
    private void monthlyGeneration(CsvTable.Row row) throws ScenarioException {
        ObjectNode record = record(Kinds.GENERATION_DATA);
        record.put("assetId", need(row, "assetId"));
        record.put("meterId", need(row, "meterId"));
        record.put("resolution", "P1M");
        ObjectNode interval = record.putArray("intervals").addObject();
        interval.put("start", month(row).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
        interval.put("energyMwh", number(row, "mwh", need(row, "mwh")).toPlainString());
        interval.put("quality", "GOOD");
        record.putArray("outages");
        record.putArray("curtailments");
        add(Kinds.GENERATION_DATA, record, row);
    }

    private static YearMonth month(CsvTable.Row row) throws ScenarioException {
        try {
            return YearMonth.parse(need(row, "month"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new ScenarioException(row.where("month") + ": a month is written 2026-03, not " + row.cells().get("month"));
        }
    }

    private void generation(CsvTable.Row row, List<CsvTable.Row> events) throws ScenarioException {
        ObjectNode record = record(Kinds.GENERATION_DATA);
        record.put("assetId", need(row, "assetId"));
        record.put("meterId", need(row, "meterId"));
        record.put("resolution", "PT1H");
        ArrayNode intervals = record.putArray("intervals");
        Instant start = date(row, "date").atStartOfDay().toInstant(ZoneOffset.UTC);
        String[] values = need(row, "mwh").split(" ");
        if (values.length != 24) {
            throw new ScenarioException(row.where("mwh") + ": " + values.length + " values, expected 24");
        }
        for (String value : values) {
            ObjectNode interval = intervals.addObject();
            interval.put("start", start.toString());
            start = start.plusSeconds(3600);
            if (value.equals("-")) {
                interval.putNull("energyMwh");
                interval.put("quality", "GAP");
            } else {
                interval.put("energyMwh", number(row, "mwh", value).toPlainString());
                interval.put("quality", "GOOD");
            }
        }
        ArrayNode outages = record.putArray("outages");
        ArrayNode curtailments = record.putArray("curtailments");
        for (CsvTable.Row event : events) {
            ObjectNode e = need(event, "type").equals("outage") ? outages.addObject() : curtailments.addObject();
            e.put("from", need(event, "from"));
            e.put("to", need(event, "to"));
            e.put("reason", need(event, "reason"));
            if (event.cells().containsKey("lostMwh")) {
                e.put("lostMwh", event.cells().get("lostMwh"));
            }
        }
        add(Kinds.GENERATION_DATA, record, row);
    }

    private void goCancellation(CsvTable.Row row, String installationId) throws ScenarioException {
        ObjectNode go = record(Kinds.GO_CANCELLATION);
        for (String column : List.of("cancellationId", "registry", "firstSerial", "lastSerial", "mwh", "productionDeviceId", "assetId",
                "contractId", "productionFrom", "productionTo")) {
            go.put(column, need(row, column));
        }
        ObjectNode beneficiary = go.putObject("beneficiary");
        beneficiary.put("partyId", need(row, "beneficiaryPartyId"));
        beneficiary.put("installationId", installationId);
        go.put("cancelledAt", need(row, "cancelledAt"));
        add(Kinds.GO_CANCELLATION, go, row);
    }

    private void settlement(CsvTable.Row row, String installationId) throws ScenarioException {
        Map<String, String> c = row.cells();
        ObjectNode s = record(Kinds.SUPPLY_SETTLEMENT);
        for (String column : List.of("settlementId", "contractId", "supplierPartyId")) {
            s.put(column, need(row, column));
        }
        s.put("installationId", installationId);
        s.put("month", need(row, "month"));
        for (String column : List.of("contractedMwh", "deliveredMwh", "replacementMwh", "gridBalancingMwh", "buyerConsumptionMwh", "mismatchMwh")) {
            s.put(column, number(row, column, need(row, column)).toPlainString());
        }
        if (c.containsKey("replacementSource")) {
            ObjectNode r = s.putObject("replacement");
            r.put("source", c.get("replacementSource"));
            r.put("verified", Boolean.parseBoolean(c.getOrDefault("replacementVerified", "false")));
            if (c.containsKey("replacementFactorTco2PerMwh")) {
                r.put("emissionFactorTco2PerMwh", c.get("replacementFactorTco2PerMwh"));
            }
        }
        // the price columns are optional (the calculation does not use them); given, they come as a set
        if (c.containsKey("energyEur") || c.containsKey("evidenceValueEur") || c.containsKey("totalEur") || c.containsKey("invoiceNumber")) {
            ObjectNode price = s.putObject("price");
            price.put("energyEur", need(row, "energyEur"));
            price.put("evidenceValueEur", need(row, "evidenceValueEur"));
            price.put("totalEur", need(row, "totalEur"));
            if (c.containsKey("invoiceNumber")) {
                price.put("invoiceNumber", c.get("invoiceNumber"));
            }
        }
        ObjectNode go = s.putObject("goHandling");
        go.put("mode", need(row, "goMode"));
        go.put("mwh", need(row, "goMwh"));
        if (c.containsKey("goCancellationIds")) {
            ArrayNode ids = go.putArray("goCancellationIds");
            for (String id : c.get("goCancellationIds").split(" ")) {
                ids.add(id);
            }
        }
        add(Kinds.SUPPLY_SETTLEMENT, s, row);
    }

    private void declaration(CsvTable.Row row) throws ScenarioException {
        ObjectNode d = record(Kinds.PRODUCER_DECLARATION);
        d.put("declarationId", need(row, "declarationId"));
        d.put("producerPartyId", need(row, "producerPartyId"));
        d.put("contractId", need(row, "contractId"));
        d.put("assetId", need(row, "assetId"));
        ArrayNode meters = d.putArray("meterIds");
        meters.add(need(row, "meterId"));
        ObjectNode month = d.putArray("months").addObject();
        month.put("month", need(row, "month"));
        month.put("generatedMwh", need(row, "generatedMwh"));
        month.put("deliveredMwh", need(row, "deliveredMwh"));
        if (row.cells().containsKey("goCancellationIds")) {
            ArrayNode ids = d.putArray("goCancellationIds");
            for (String id : row.cells().get("goCancellationIds").split(" ")) {
                ids.add(id);
            }
        }
        for (String statement : List.of("notDoubleCounted", "notResold", "notUsedForOtherClaim", "sourceDataAvailable")) {
            d.put(statement, true);
        }
        d.put("declaredAt", need(row, "declaredAt"));
        add(Kinds.PRODUCER_DECLARATION, d, row);
    }

    private List<CsvTable.Row> rows(String file) throws ScenarioException {
        Path path = directory.resolve(file);
        return Files.exists(path) ? ScenarioLoader.table(path).rows() : List.of();
    }

    private JsonNode json(String file) throws ScenarioException {
        Path path = directory.resolve(file);
        if (!Files.exists(path)) {
            return NODES.arrayNode();
        }
        JsonNode node = single(file);
        if (!node.isArray()) {
            throw new ScenarioException(file + ": must be a JSON array of records");
        }
        return node;
    }

    private JsonNode single(String file) throws ScenarioException {
        try {
            return MAPPER.readTree(Files.readAllBytes(directory.resolve(file)));
        } catch (java.io.IOException | JacksonException e) {
            throw new ScenarioException(file + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectNode record(String kind) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", kind);
        return node;
    }

    private void add(String kind, ObjectNode record, CsvTable.Row row) throws ScenarioException {
        String party = row.cells().containsKey("party") ? row.cells().get("party") : party(kind, row.fileName() + " line " + row.line());
        out.add(new ScenarioRecord(party, kind, record, row.fileName() + " line " + row.line()));
    }

    private String party(String kind, String where) throws ScenarioException {
        List<Party> submitters = scenario.parties().stream().filter(p -> p.submits().contains(kind)).toList();
        if (submitters.size() != 1) {
            throw new ScenarioException(where + ": " + submitters.size() + " parties submit " + kind + " in parties.csv; name one in a party column");
        }
        return submitters.getFirst().partyId();
    }

    private static String need(CsvTable.Row row, String column) throws ScenarioException {
        String value = row.cells().get(column);
        if (value == null) {
            throw new ScenarioException(row.where(column) + ": a value is required");
        }
        return value;
    }

    private static BigDecimal number(CsvTable.Row row, String column, String value) throws ScenarioException {
        if (!value.matches("(0|[1-9][0-9]{0,17})(\\.[0-9]{1,12})?")) {
            throw new ScenarioException(row.where(column) + ": '" + value + "' is not a number (use a dot for decimals, no thousands separator)");
        }
        return new BigDecimal(value);
    }

    private static LocalDate date(CsvTable.Row row, String column) throws ScenarioException {
        try {
            return LocalDate.parse(need(row, column));
        } catch (java.time.format.DateTimeParseException e) {
            throw new ScenarioException(row.where(column) + ": '" + row.cells().get(column) + "' is not a date YYYY-MM-DD", e);
        }
    }
}
