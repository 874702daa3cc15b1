package org.cbamledger.bench.year;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.core.FigureIds;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.Party;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.calculation.statement.IssuedStatement;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.calculation.statement.StatementIssuer;
import org.cbamledger.calculation.trace.TraceInput;
import org.cbamledger.signer.DecodedPublicKey;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.TilePath;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One run against one service: a new log; the plant's parties, keys and evidence as ScenarioDemo submits a scenario;
 * the year's daily batches from several connections; the annual calculation on the entries read back through the
 * entry tiles, appended with its statement; a data room, its summary and web view; the bundle; its verification.
 */
final class YearRun {
    private final Path home;
    private final Path work;
    private final PlantYear plant;
    private final YearClient admin;
    private final int connections;
    private final int entriesPerRequest;
    private final int verifyHeapMb;
    private final PrintStream console;
    private final CpuTime cpu;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Map<String, DecodedPublicKey> keys = new HashMap<>();
    private String logId;
    private SigningKey root;

    YearRun(Path home, Path work, PlantYear plant, YearClient admin, int connections, int entriesPerRequest,
            int verifyHeapMb, PrintStream console, CpuTime cpu) {
        this.home = home;
        this.work = work;
        this.plant = plant;
        this.admin = admin;
        this.connections = connections;
        this.entriesPerRequest = entriesPerRequest;
        this.verifyHeapMb = verifyHeapMb;
        this.console = console;
        this.cpu = cpu;
    }

    YearFigures run() throws Exception {
        YearFigures figures = new YearFigures();
        logId = "year-" + plant.meterCount() + "x" + plant.days() + "-" + Long.toString(System.currentTimeMillis(), 36);
        JsonNode created = admin.post("logs", json(YearClient.JSON.createObjectNode().put("logId", logId)
                .put("operatorName", "Bench Aluminium Extrusions d.o.o.").put("country", "RS")));
        root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519, Base64.getDecoder().decode(created.get("rootPrivateKeyPkcs8").asString()));
        remember(root);
        String logKey = created.get("logVerifierKey").asString();
        Map<String, SigningKey> submitters = registerParties();
        SigningKey gateway = register(SigningKey.generate(KeyAlgorithm.ED25519), plant.scenario.statementIssuer(), "device",
                List.of(Kinds.METER_READING_BATCH));
        SigningKey calculator = register(SigningKey.generate(KeyAlgorithm.ED25519), plant.scenario.statementIssuer(),
                "calculator", List.of(CalculationRecords.KIND));
        SigningKey issuer = register(SigningKey.generate(KeyAlgorithm.ED25519), plant.scenario.statementIssuer(),
                "statement-issuer", List.of(Kinds.EMISSIONS_STATEMENT));
        long evidenceSize = submitEvidence(submitters);
        console.printf("log %s: %d records of the plant's evidence (production, fuel, factors, meters, PPA, allocation)%n",
                logId, evidenceSize);

        long size = ingest(gateway, evidenceSize, figures);

        long started = System.nanoTime();
        Map<String, Double> cpuBefore = cpu.seconds();
        EvidenceRecord[] records = new EvidenceRecord[(int) size];
        byte[][] bundles = readEntries(size, records);
        double readBackSeconds = seconds(started);
        Map<String, Double> cpuAfter = cpu.seconds();
        double readBackCpuSeconds = 0;
        for (Map.Entry<String, Double> group : cpuAfter.entrySet()) {
            double used = group.getValue() - cpuBefore.get(group.getKey());
            figures.put("calculationReadBackCpuSeconds" + group.getKey(), used);
            readBackCpuSeconds += used;
        }
        List<EvidenceRecord> evidence = List.of(records);
        CalculationResult result = EmissionsCalculator.calculate(plant.scenario.request(evidence));
        double calculationSeconds = seconds(started);
        JsonNode receipt = admin.post("logs/" + logId + "/entries?wait=true",
                sign(CalculationRecords.build(result, "calc-year-" + logId), calculator));
        String statementId = "st-" + logId;
        long references = result.figures().stream().flatMap(f -> f.inputs().stream()).mapToLong(i -> switch (i) {
            case TraceInput.EvidenceRef ref -> 1;
            case TraceInput.EntriesRef ref -> ref.entries().entries().size();
            default -> 0;
        }).sum();
        figures.put("calculationSeconds", calculationSeconds).put("calculationReadBackSeconds", readBackSeconds)
                .put("calculationReadBackCpuSeconds", readBackCpuSeconds)
                .put("statementEvidenceReferences", references);
        started = System.nanoTime();
        IssuedStatement statement = StatementIssuer.issue(result, new StatementIssue(statementId, now.toString(),
                plant.scenario.statementIssuer(), plant.scenario.statementRecipient()), receipt.get("checkpoint").asString(), issuer);
        JsonNode stored = storeStatement(statement);
        figures.put("statementSeconds", seconds(started)).put("statementJwsBytes", (long) statement.jws().length());
        console.printf("annual calculation on %,d entries read back through the entry tiles: %.1f s (read back and parsed %.1f s,"
                + " %.1f CPU seconds);"
                + " indirect emissions %s t CO2; statement JWS %,d bytes (%,d evidence references in its trace) %s%n",
                size, calculationSeconds, readBackSeconds, readBackCpuSeconds,
                Decimals.plain(result.value(FigureIds.INDIRECT).setScale(3, RoundingMode.HALF_UP)), statement.jws().length(),
                references, stored != null ? "stored" : "refused by the service as too large (413): room, export and"
                        + " verification go on without it");
        figures.put("statementStored", stored != null);
        ObjectNode scope = YearClient.JSON.createObjectNode().put("installationId", plant.scenario.installation().installationId())
                .put("periodFrom", plant.scenario.period().from().toString()).put("periodTo", plant.scenario.period().to().toString())
                .put("cnCode", result.request().cnCode());

        room(figures, scope, stored != null);

        started = System.nanoTime();
        byte[] bundle = admin.get("logs/" + logId + "/bundle" + (stored == null ? "" : "?statement=" + statementId));
        figures.put("exportSeconds", seconds(started)).put("bundleBytes", (long) bundle.length);
        Path zip = work.resolve(logId + ".zip");
        Files.write(zip, bundle);
        long[] entryBytes = BundleEntriesDeflated.measure(zip);
        figures.put("bundleEntriesBytes", entryBytes[0]).put("bundleEntriesCompressedBytes", entryBytes[1])
                .put("bundleToEntriesCompressedRatio", (double) bundle.length / entryBytes[1]);
        console.printf("bundle %s: %,d bytes, %.3f x the entries' own %,d deflated bytes (%,d raw)%n", zip, bundle.length,
                (double) bundle.length / entryBytes[1], entryBytes[1], entryBytes[0]);

        OfflineVerification verification = OfflineVerification.run(home, zip, logKey, root.keyId(), verifyHeapMb, work);
        List<byte[]> entries = entries(bundles);
        double floor = VerifyFloor.seconds(entries, keys);
        figures.put("entries", (long) entries.size()).put("verified", verification.passed())
                .put("verifyFailedChecks", verification.failedChecks())
                .put("verifySeconds", verification.seconds()).put("verifyFloorSeconds", floor)
                .put("verifyToFloorRatio", verification.seconds() / floor)
                .put("verifyPeakRssMb", verification.peakRssKb() / 1024.0).put("verifyHeapMb", (long) verifyHeapMb);
        console.printf("offline verification in its own JVM: %s in %.1f s, peak RSS %.0f MiB (report %s)%n",
                verification.passed() ? "PASS" : "FAIL", verification.seconds(), verification.peakRssKb() / 1024.0,
                verification.report());
        return figures;
    }

    /** The year's batches signed, then submitted and timed until a checkpoint covers them; the tree size. */
    private long ingest(SigningKey gateway, long evidenceSize, YearFigures figures) throws Exception {
        console.printf("signing %d daily batches (%d meters x %d days, 96 readings each) ...%n",
                plant.meterCount() * plant.days(), plant.meterCount(), plant.days());
        List<byte[]> batches = SignedBatches.of(plant, gateway); // not timed as ingestion
        long readings = (long) batches.size() * PlantYear.INTERVALS_PER_DAY;
        long started = System.nanoTime();
        submitConcurrently(batches);
        long size = awaitCheckpoint(evidenceSize + batches.size());
        double ingestSeconds = seconds(started);
        figures.put("meters", plant.meterCount()).put("days", plant.days()).put("readings", readings)
                .put("ingestSeconds", ingestSeconds).put("readingsPerSecond", readings / ingestSeconds)
                .put("batchesPerSecond", batches.size() / ingestSeconds);
        console.printf("ingested %,d readings in %,d entries: %.1f s%n", readings, batches.size(), ingestSeconds);
        return size;
    }

    /** The statement as the service stores it, or null when its request exceeds the service's body limit (413). */
    private JsonNode storeStatement(IssuedStatement statement) throws Exception {
        try {
            return admin.post("logs/" + logId + "/statements", json(YearClient.JSON.createObjectNode().put("jws", statement.jws())));
        } catch (IOException e) {
            if (e.getMessage().contains(" answered 413")) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Room creation and summary (roomSeconds, both together) and the room's first web view. The summary computes the
     * room's selection, so the view starts with it; the room has the statement's installation, period and CN code, so its
     * view's body was prepared when the statement was stored (in statementSeconds), if it was. webViewSeconds is the login
     * and that first view (webViewLoginSeconds the login alone); a room whose entries or statements differ from every
     * stored body computes its view in the request (the service logs what preparing the statement's took).
     */
    private void room(YearFigures figures, ObjectNode scope, boolean statementStored) throws Exception {
        long started = System.nanoTime();
        ObjectNode body = YearClient.JSON.createObjectNode().put("name", "year benchmark")
                .put("installationId", scope.get("installationId").asString())
                .put("periodFrom", scope.get("periodFrom").asString()).put("periodTo", scope.get("periodTo").asString());
        body.putArray("cnCodes").add(scope.get("cnCode").asString());
        String roomId = admin.post("logs/" + logId + "/rooms", json(body)).get("roomId").asString();
        double createSeconds = seconds(started);
        long summaryStarted = System.nanoTime();
        JsonNode summary = YearClient.JSON.readTree(admin.get("rooms/" + roomId));
        double summarySeconds = seconds(summaryStarted);
        started = System.nanoTime();
        String cookie = admin.login();
        double loginSeconds = seconds(started);
        byte[] page = admin.page("ui/rooms/" + roomId, cookie);
        double webViewSeconds = seconds(started);
        figures.put("roomSeconds", createSeconds + summarySeconds).put("roomCreateSeconds", createSeconds)
                .put("roomSummarySeconds", summarySeconds).put("webViewSeconds", webViewSeconds)
                .put("webViewLoginSeconds", loginSeconds);
        console.printf("room %s: created %.2f s, summary %.2f s (%,d entries, %d statements), login and first web view %.2f s"
                + " (login %.2f s; %,d bytes; %s)%n", roomId, createSeconds, summarySeconds, summary.path("entryCount").asLong(),
                summary.path("statementCount").asLong(), webViewSeconds, loginSeconds, page.length,
                statementStored ? "its body prepared when the statement was stored" : "no statement stored: computed");
    }

    private Map<String, SigningKey> registerParties() throws Exception {
        Map<String, SigningKey> submitters = new LinkedHashMap<>();
        for (Party party : plant.scenario.parties()) {
            admin.post("logs/" + logId + "/entries", sign(party.record(), root));
            List<String> kinds = party.submits().stream()
                    .filter(k -> !k.equals(CalculationRecords.KIND) && !k.equals(Kinds.EMISSIONS_STATEMENT)).toList();
            if (!kinds.isEmpty()) {
                submitters.put(party.partyId(), register(SigningKey.generate(KeyAlgorithm.ECDSA_P256), party.partyId(), "submitter", kinds));
            }
        }
        return submitters;
    }

    private SigningKey register(SigningKey key, String party, String role, List<String> kinds) throws Exception {
        ObjectNode registration = YearClient.JSON.createObjectNode().put("kind", Kinds.KEY_REGISTRATION).put("keyId", key.keyId())
                .put("algorithm", key.publicKey().algorithm().wireName()).put("publicKey", key.publicKey().spkiBase64())
                .put("party", party).put("role", role);
        kinds.forEach(registration.putArray("allowedKinds")::add);
        registration.put("validFrom", now.minus(1, ChronoUnit.DAYS).toString()).put("validUntil", now.plus(365, ChronoUnit.DAYS).toString());
        admin.post("logs/" + logId + "/entries", sign(registration, root));
        remember(key);
        return key;
    }

    private void remember(SigningKey key) throws Exception {
        keys.put(key.keyId(), DecodedPublicKey.of(key.publicKey()));
    }

    /** The plant's records other than readings, in order, 200 per request; the log's size after them. */
    private long submitEvidence(Map<String, SigningKey> submitters) throws Exception {
        List<byte[]> request = new ArrayList<>();
        JsonNode last = null;
        List<ScenarioRecord> records = plant.evidence;
        for (int i = 0; i < records.size(); i++) {
            ScenarioRecord record = records.get(i);
            request.add(sign(record.record(), submitters.get(record.partyId())));
            if (request.size() == 200 || i == records.size() - 1) {
                JsonNode receipts = admin.postRetrying("logs/" + logId + "/entries/batch" + (i == records.size() - 1 ? "?wait=true" : ""),
                        array(request));
                last = receipts.get(receipts.size() - 1);
                request.clear();
            }
        }
        return last.get("index").asLong() + 1;
    }

    /** Requests of entriesPerRequest envelopes, taken in order by {@code connections} submitters. */
    private void submitConcurrently(List<byte[]> batches) throws Exception {
        AtomicInteger next = new AtomicInteger();
        int requests = (batches.size() + entriesPerRequest - 1) / entriesPerRequest;
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                done.add(pool.submit(() -> {
                    for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
                        List<byte[]> slice = batches.subList(r * entriesPerRequest, Math.min(batches.size(), (r + 1) * entriesPerRequest));
                        admin.postRetrying("logs/" + logId + "/entries/batch", array(slice));
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        }
    }

    private long awaitCheckpoint(long size) throws Exception {
        while (true) {
            String[] note = new String(admin.get("logs/" + logId + "/checkpoint"), java.nio.charset.StandardCharsets.UTF_8).split("\n");
            long published = Long.parseLong(note[1]);
            if (published >= size) {
                return published;
            }
            Thread.sleep(20);
        }
    }

    /**
     * Every entry below {@code size}, read through the C2SP entry bundles (tile/entries/N, 256 a request) on
     * {@code connections} connections, each bundle's entries parsed in place into {@code records} as it arrives; the
     * bundles, one array each (kept, copies of 900 MB of entries would be copied again by every young collection).
     */
    private byte[][] readEntries(long size, EvidenceRecord[] records) throws Exception {
        long tiles = (size + TilePath.FULL_WIDTH - 1) / TilePath.FULL_WIDTH;
        byte[][] bundles = new byte[(int) tiles][];
        AtomicLong next = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                done.add(pool.submit(() -> {
                    for (long tile = next.getAndIncrement(); tile < tiles; tile = next.getAndIncrement()) {
                        readTile(tile, size, bundles, records);
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        }
        return bundles;
    }

    private void readTile(long tile, long size, byte[][] bundles, EvidenceRecord[] records) throws Exception {
        int width = (int) Math.min(TilePath.FULL_WIDTH, size - tile * TilePath.FULL_WIDTH);
        byte[] bundle = admin.getWhole("logs/" + logId + "/" + TilePath.entries(tile, width).path());
        bundles[(int) tile] = bundle;
        int at = 0;
        for (int i = 0; i < width; i++) {
            if (at + 2 > bundle.length) {
                throw new IOException("entry bundle " + tile + " held " + i + " entries, expected " + width);
            }
            int length = ((bundle[at] & 0xff) << 8) | (bundle[at + 1] & 0xff);
            int index = (int) (tile * TilePath.FULL_WIDTH) + i;
            if (at + 2 + length > bundle.length) {
                throw new IOException("entry bundle " + tile + " ends inside entry " + index);
            }
            records[index] = EvidenceRecord.fromEntry(bundle, at + 2, at + 2 + length, index);
            at += 2 + length;
        }
    }

    /** The entries of C2SP entry bundles read whole by {@link #readTile}, in order. */
    private static List<byte[]> entries(byte[][] bundles) {
        List<byte[]> entries = new ArrayList<>();
        for (byte[] bundle : bundles) {
            for (int at = 0; at < bundle.length; ) {
                int length = ((bundle[at] & 0xff) << 8) | (bundle[at + 1] & 0xff);
                entries.add(Arrays.copyOfRange(bundle, at + 2, at + 2 + length));
                at += 2 + length;
            }
        }
        return entries;
    }

    /** Entries as the calculation reads them, each parsed once, in parallel; entry i at leaf index i. */
    static List<EvidenceRecord> evidence(List<byte[]> entries) {
        return IntStream.range(0, entries.size()).parallel().mapToObj(i -> {
            try {
                return EvidenceRecord.fromEntry(entries.get(i), i);
            } catch (SignerException e) {
                throw new IllegalStateException("entry " + i + " does not parse: " + e.getMessage(), e);
            }
        }).toList();
    }

    static byte[] sign(ObjectNode record, SigningKey key) throws Exception {
        return Envelope.sign(record.get("kind").asString(), YearClient.JSON.writeValueAsBytes(record), key).canonicalBytes();
    }

    private static byte[] json(ObjectNode node) {
        return YearClient.JSON.writeValueAsBytes(node);
    }

    static byte[] array(List<byte[]> envelopes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < envelopes.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(envelopes.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
