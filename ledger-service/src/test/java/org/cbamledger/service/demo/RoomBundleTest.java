package org.cbamledger.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.verifier.VerifyCommand;
import org.cbamledger.verifier.bundle.BundleManifest;
import org.cbamledger.verifier.bundle.EntryPack;
import org.cbamledger.verifier.bundle.ManifestPack;
import org.cbamledger.verifier.bundle.ManifestCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A data room over the worked example, with evidence of another CN code beside it in the log: the room's bundle
 * holds exactly the room's entries, and the offline verifier ({@code ./cbam verify}'s command) passes it.
 */
class RoomBundleTest {
    private static final String LOG_ID = "room-bundle";
    private static final String VERIFIER = "verifier-tuv";
    private static RunningService service;
    private static ScenarioDemo.Outcome outcome;
    private static JsonNode log;
    private static SigningKey root;
    private static long outsideIndex;
    private static String roomId;

    @BeforeAll
    static void openRoom() throws Exception {
        service = RunningService.start();
        DemoClient client = new DemoClient(service.http().base(), service.adminToken());
        log = client.createLog(LOG_ID, "Example Extrusion A.S.", "TR");
        root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519, Base64.getDecoder().decode(log.get("rootPrivateKeyPkcs8").asString()));
        outcome = new ScenarioDemo(client, LOG_ID, root, new PrintStream(OutputStream.nullOutputStream()))
                .run(ScenarioLoader.load(Path.of("..", "scenarios", "turkish-extruder-2026")));
        outsideIndex = client.submit(LOG_ID, Envelope.sign("production-batch", Http.JSON.writeValueAsBytes(otherCnBatch()), root),
                true).get("index").asLong();

        JsonNode statement = outcome.statement();
        ObjectNode room = Http.JSON.createObjectNode()
                .put("name", "2026 profiles for the importer's verifier")
                .put("installationId", statement.at("/installation/installationId").asString())
                .put("periodFrom", statement.at("/period/from").asString())
                .put("periodTo", statement.at("/period/to").asString());
        room.putArray("cnCodes").add(statement.get("cnCode").asString());
        HttpResponse<byte[]> created = service.http().post("logs/" + LOG_ID + "/rooms", admin(), Http.JSON.writeValueAsBytes(room));
        assertEquals(201, created.statusCode(), Http.text(created));
        roomId = Http.json(created).get("roomId").asString();
        ObjectNode grant = Http.JSON.createObjectNode().put("role", "verifier");
        grant.putArray("scopes").add("bundle").add("entries");
        HttpResponse<byte[]> granted = service.http().put("rooms/" + roomId + "/grants/" + VERIFIER, admin(),
                Http.JSON.writeValueAsBytes(grant));
        assertEquals(200, granted.statusCode(), Http.text(granted));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String admin() {
        return service.token(Scopes.logAdmin(LOG_ID));
    }

    private static String verifierToken() {
        return service.token(Scopes.verifier(VERIFIER));
    }

    /** The worked example's batch under another CN code (7606 12 99, plates): same installation and period. */
    private static ObjectNode otherCnBatch() {
        ObjectNode batch = Http.JSON.createObjectNode();
        batch.put("kind", "production-batch");
        batch.put("installationId", outcome.statement().at("/installation/installationId").asString());
        batch.put("batchId", "PLATES-2026");
        batch.put("lineId", "EXT-1");
        batch.put("product", "aluminium plates");
        batch.put("cnCode", "76061299");
        batch.put("periodFrom", "2026-03-01");
        batch.put("periodTo", "2026-03-31");
        batch.put("tonnesIn", "110");
        batch.put("tonnesOut", "100");
        batch.put("destination", "EU");
        return batch;
    }

    @Test
    void roomBundle_holdsExactlyTheRoomsEntries_andVerifiesOffline(@TempDir Path dir) throws Exception {
        HttpResponse<byte[]> response = service.http().get("rooms/" + roomId + "/bundle?statement="
                + outcome.statementId(), verifierToken());
        assertEquals(200, response.statusCode(), Http.text(response));
        Path zip = dir.resolve("room.zip");
        Files.write(zip, response.body());

        Set<Long> bundled = bundledIndexes(response.body());
        Set<Long> listed = roomIndexes();
        Set<Long> besides = new TreeSet<>(bundled);
        besides.removeAll(listed);
        assertTrue(bundled.containsAll(listed));
        assertEquals(List.of("index-commitment"), besides.stream().map(RoomBundleTest::kindOf).toList(),
                "besides the room's entries, only the log's index commitment");
        assertFalse(bundled.contains(outsideIndex), "the batch of another CN code is not in the room");
        assertTrue(bundled.containsAll(statementEvidence()), "every entry the statement rests on is in the room");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new CommandLine(new VerifyCommand()).setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .execute(zip.toString(), "--log-key", log.get("logVerifierKey").asString(), "--root-key",
                        log.get("rootKeyId").asString());
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, report);
        assertTrue(report.contains("statement"), report);
    }

    @Test
    void roomBundle_withTheCalculationLeftOut_failsNamingItsIndexKey(@TempDir Path dir) throws Exception {
        HttpResponse<byte[]> response = service.http().get("rooms/" + roomId + "/bundle", verifierToken());
        assertEquals(200, response.statusCode(), Http.text(response));
        Path bundle = dir.resolve("room");
        unzip(response.body(), bundle);
        long calculation = bundledIndexes(response.body()).stream().filter(i -> kindOf(i).equals("calculation"))
                .findFirst().orElseThrow();
        dropEntry(bundle, calculation);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new CommandLine(new VerifyCommand()).setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .execute(bundle.toString(), "--log-key", log.get("logVerifierKey").asString());
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, report);
        assertTrue(report.contains("missing: leaf " + calculation + " is listed in the log's index under index:"
                + outcome.statement().at("/installation/installationId").asString() + ":calculation:"), report);
    }

    @Test
    void theIndexIsCommittedOnce_whileNoIndexedEntryArrives() throws Exception {
        assertEquals(200, service.http().get("rooms/" + roomId + "/bundle", verifierToken()).statusCode());
        long before = commitments();
        assertTrue(before >= 1);
        assertEquals(200, service.http().get("rooms/" + roomId + "/bundle", verifierToken()).statusCode());
        assertEquals(before, commitments(), "room-access entries do not change the index");
    }

    private static long commitments() throws Exception {
        long size = Http.json(service.http().get("logs/" + LOG_ID, admin())).get("sequencedSize").asLong();
        long count = 0;
        for (long i = outsideIndex + 1; i < size; i++) {
            if (kindOf(i).equals("index-commitment")) {
                count++;
            }
        }
        return count;
    }

    private static String kindOf(long index) {
        return Http.json(service.http().get("logs/" + LOG_ID + "/entries/" + index, admin())).get("kind").asString();
    }

    private static void unzip(byte[] zip, Path dir) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path file = dir.resolve(e.getName());
                Files.createDirectories(file.getParent());
                Files.write(file, in.readAllBytes());
            }
        }
    }

    @Test
    void everyRoomRequestIsInTheLog_asARoomAccessEntry() throws Exception {
        HttpResponse<byte[]> inRoom = service.http().get("rooms/" + roomId + "/entries/" + statementEvidence().iterator().next(),
                verifierToken());
        assertEquals(200, inRoom.statusCode(), Http.text(inRoom));
        HttpResponse<byte[]> outside = service.http().get("rooms/" + roomId + "/entries/" + outsideIndex, verifierToken());
        assertEquals(404, outside.statusCode(), Http.text(outside));

        List<JsonNode> accesses = accessRecords();
        JsonNode granted = accesses.get(accesses.size() - 2);
        JsonNode denied = accesses.getLast();
        assertEquals("granted", granted.get("outcome").asString());
        assertEquals("entry", granted.at("/resource/type").asString());
        assertEquals(VERIFIER, granted.at("/principal/partyId").asString());
        assertEquals("verifier", granted.at("/principal/role").asString());
        assertEquals("denied", denied.get("outcome").asString());
        assertEquals(404, denied.get("status").asInt());
        assertEquals(String.valueOf(outsideIndex), denied.at("/resource/id").asString());
        assertTrue(denied.get("reason").asString().contains("is not in room"), denied.toString());
    }

    private static Set<Long> bundledIndexes(byte[] zip) throws Exception {
        Set<Long> indexes = new TreeSet<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().startsWith("entries/") && e.getName().endsWith(".pack")) {
                    EntryPack.Reader pack = new EntryPack.Reader(new java.io.ByteArrayInputStream(in.readAllBytes()),
                            e.getName(), 1 << 20);
                    for (EntryPack.Packed packed = pack.next(); packed != null; packed = pack.next()) {
                        indexes.add(packed.index());
                    }
                }
            }
        }
        return indexes;
    }

    /** Leaves entry {@code index} out of the unzipped v2 bundle: out of its pack, and the pack's count in bundle.json. */
    private static void dropEntry(Path bundle, long index) throws Exception {
        BundleManifest m = ManifestCodec.parse(Files.readAllBytes(bundle.resolve("bundle.json")));
        List<ManifestPack> packs = new java.util.ArrayList<>();
        for (ManifestPack pack : m.packs()) {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            long count = 0;
            try (var in = Files.newInputStream(bundle.resolve(pack.file()))) {
                EntryPack.Reader reader = new EntryPack.Reader(in, pack.file(), 1 << 20);
                for (EntryPack.Packed packed = reader.next(); packed != null; packed = reader.next()) {
                    if (packed.index() != index) {
                        EntryPack.append(kept, packed.index(), packed.bytes());
                        count++;
                    }
                }
            }
            Files.write(bundle.resolve(pack.file()), kept.toByteArray());
            packs.add(new ManifestPack(pack.file(), count));
        }
        Files.write(bundle.resolve("bundle.json"), ManifestCodec.write(new BundleManifest(m.logId(), m.origin(),
                m.treeSize(), m.entries(), m.checkpointSizes(), m.documents(), m.statementFile(), m.timestampSizes(),
                m.coverage(), m.format(), packs)));
    }

    private static Set<Long> roomIndexes() {
        Set<Long> indexes = new TreeSet<>();
        String next = "rooms/" + roomId + "/entries?limit=1000";
        while (next != null) {
            HttpResponse<byte[]> page = service.http().get(next.startsWith("/") ? next.substring(1) : next, verifierToken());
            assertEquals(200, page.statusCode(), Http.text(page));
            JsonNode body = Http.json(page);
            for (JsonNode item : body.get("items")) {
                indexes.add(item.get("index").asLong());
            }
            next = body.get("next").isNull() ? null : body.get("next").asString();
        }
        return indexes;
    }

    private static Set<Long> statementEvidence() {
        Set<Long> indexes = new TreeSet<>();
        for (JsonNode e : outcome.statement().at("/evidence/entries")) {
            indexes.add(e.get("leafIndex").asLong());
        }
        return indexes;
    }

    private static List<JsonNode> accessRecords() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        String admin = admin();
        long size = Http.json(service.http().get("logs/" + LOG_ID, admin)).get("sequencedSize").asLong();
        for (long i = outsideIndex + 1; i < size; i++) {
            JsonNode entry = Http.json(service.http().get("logs/" + LOG_ID + "/entries/" + i, admin));
            if (entry.get("kind").asString().equals("room-access")) {
                records.add(Envelope.parse(Http.JSON.writeValueAsBytes(entry.get("envelope"))).record());
            }
        }
        return records;
    }
}
