package org.cbamledger.service.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The index is committed on a schedule (cbam.index.commit-interval), not only when a room bundle asks: a commitment
 * follows an indexed entry without any request, an idle log gets no further one however many intervals and
 * checkpoints pass, and the next indexed entry brings the next.
 */
class IndexScheduleTest {
    private static final String LOG_ID = "index-schedule";
    private static final long INTERVAL_MILLIS = 200;
    private static RunningService service;
    private static DemoClient client;
    private static SigningKey root;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start(Map.of("cbam.index.commit-interval", INTERVAL_MILLIS + "ms"));
        client = new DemoClient(service.http().base(), service.adminToken());
        JsonNode log = client.createLog(LOG_ID, "Example Extrusion A.S.", "TR");
        root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519,
                Base64.getDecoder().decode(log.get("rootPrivateKeyPkcs8").asString()));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void indexedEntries_areCommittedWithoutARequest_andAnIdleLogGetsNoMoreCommitments() throws Exception {
        long first = append("FUEL-1");
        JsonNode commitment = awaitCommitments(1).getFirst();
        assertTrue(commitment.get("treeSize").asLong() > first, "the commitment covers the fuel record: " + commitment);

        // many intervals, each after a checkpoint that includes the commitment entry itself: nothing new is indexed
        Thread.sleep(INTERVAL_MILLIS * 10);
        assertEquals(1, commitments().size(), "an idle log gets no commitment per checkpoint");

        long second = append("FUEL-2");
        List<JsonNode> both = awaitCommitments(2);
        assertTrue(both.get(1).get("treeSize").asLong() > second, both.toString());
        assertEquals(2, commitments().size());
    }

    private static long append(String recordId) throws Exception {
        ObjectNode fuel = Http.JSON.createObjectNode().put("kind", Kinds.FUEL_CONSUMPTION)
                .put("installationId", "TR-EXTRUDER-01").put("recordId", recordId).put("lineId", "EXT-1")
                .put("sourceStream", "furnace").put("fuel", "natural gas").put("periodFrom", "2026-01-01")
                .put("periodTo", "2026-01-31").put("energyGj", "100")
                .put("emissionFactorId", "gas-ipcc").put("oxidationFactor", "1");
        return client.submit(LOG_ID, Envelope.sign(Kinds.FUEL_CONSUMPTION, Http.JSON.writeValueAsBytes(fuel), root), true)
                .get("index").asLong();
    }

    private static List<JsonNode> awaitCommitments(int count) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        List<JsonNode> found = commitments();
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(INTERVAL_MILLIS);
            found = commitments();
        }
        assertEquals(count, found.size(), "index commitments: " + found);
        return found;
    }

    /** The records of the log's index-commitment entries, in log order. */
    private static List<JsonNode> commitments() throws Exception {
        String admin = service.token(Scopes.logAdmin(LOG_ID));
        long size = Http.json(service.http().get("logs/" + LOG_ID, admin)).get("sequencedSize").asLong();
        List<JsonNode> found = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            JsonNode entry = Http.json(service.http().get("logs/" + LOG_ID + "/entries/" + i, admin));
            if (entry.get("kind").asString().equals(Kinds.INDEX_COMMITMENT)) {
                found.add(Envelope.parse(Http.JSON.writeValueAsBytes(entry.get("envelope"))).record());
            }
        }
        return found;
    }
}
