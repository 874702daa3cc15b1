package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.log.LogReader;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.store.TreeStore;
import org.cbamledger.service.support.Http;
import org.cbamledger.service.support.RunningService;
import org.cbamledger.service.support.TestLog;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.CheckpointVerifier;
import org.cbamledger.signer.InclusionProofVerifier;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.TilePath;
import org.cbamledger.signer.TreeHashes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tiles and proofs served from the tile cache: HTTP caching, equality with the database, immutability. */
class TileCachingTest {
    private static final String LOG = "tile-cache";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static RunningService service;
    private static TestLog log;
    private static SigningKey gateway;
    private static long nextSequence;

    @BeforeAll
    static void start() throws Exception {
        service = RunningService.start();
        log = TestLog.create(service, LOG);
        gateway = log.registerKey("device", List.of("meter-reading-batch"));
        append(300);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** Appends {@code count} batches and waits for a checkpoint covering them; returns that checkpoint. */
    private static Checkpoint append(int count) throws Exception {
        List<byte[]> envelopes = new ArrayList<>();
        for (int i = 0; i < count - 1; i++) {
            envelopes.add(batch());
        }
        for (int from = 0; from < envelopes.size(); from += 100) {
            List<byte[]> part = envelopes.subList(from, Math.min(envelopes.size(), from + 100));
            byte[] body = ("[" + String.join(",", part.stream().map(String::new).toList()) + "]").getBytes();
            HttpResponse<byte[]> response = service.http().post("logs/" + LOG + "/entries/batch", log.submitToken, body);
            assertEquals(201, response.statusCode(), Http.text(response));
        }
        HttpResponse<byte[]> last = log.submitAndWait(batch());
        assertEquals(201, last.statusCode(), Http.text(last));
        return checkpoint(Http.json(last).get("checkpoint").asString());
    }

    private static byte[] batch() throws Exception {
        long sequence = nextSequence++;
        return TestLog.sign("meter-reading-batch", TestLog.meterBatch("meter-t", "gw-tiles", sequence,
                Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(sequence)), 2), gateway);
    }

    private static Checkpoint checkpoint(String signedNote) throws Exception {
        return CheckpointVerifier.verify(signedNote, List.of(NoteVerifier.parse(log.logVerifierKey)), "cbam-ledger/" + LOG);
    }

    private static Checkpoint latest() throws Exception {
        return checkpoint(Http.text(service.http().get("logs/" + LOG + "/checkpoint", null)));
    }

    private static HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        return get(LOG, path, ifNoneMatch);
    }

    private static HttpResponse<byte[]> get(String logId, String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.http().base().resolve("logs/" + logId + "/" + path))
                .timeout(Duration.ofSeconds(30));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String sha256Etag(byte[] body) throws Exception {
        return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)) + "\"";
    }

    /** An entry bundle's tag, made here from the bytes served: the SHA-256 of its entries' leaf hashes in order. */
    private static String entryBundleEtag(byte[] bundle) throws Exception {
        MessageDigest leafHashes = MessageDigest.getInstance("SHA-256");
        for (int at = 0; at < bundle.length; ) {
            int length = ((bundle[at] & 0xff) << 8) | (bundle[at + 1] & 0xff);
            leafHashes.update(Merkle.leafHash(java.util.Arrays.copyOfRange(bundle, at + 2, at + 2 + length)));
            at += 2 + length;
        }
        return "\"" + HexFormat.of().formatHex(leafHashes.digest()) + "\"";
    }

    private static String expectedEtag(String path, byte[] body) throws Exception {
        return path.startsWith("tile/entries/") ? entryBundleEtag(body) : sha256Etag(body);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static void assertRevalidates(String path, String cacheControl) throws Exception {
        HttpResponse<byte[]> first = get(path, null);
        assertEquals(200, first.statusCode(), path + ": " + Http.text(first));
        String etag = header(first, "ETag");
        assertEquals(expectedEtag(path, first.body()), etag, path);
        assertEquals(cacheControl, header(first, "Cache-Control"), path);
        HttpResponse<byte[]> again = get(path, etag);
        assertEquals(304, again.statusCode(), path);
        assertEquals(0, again.body().length, path);
        assertEquals(etag, header(again, "ETag"), path);
        assertEquals(200, get(path, "\"" + "0".repeat(64) + "\"").statusCode(), path + " with another tag");
    }

    @Test
    void fullTiles_areImmutable_partialTilesAndTheCheckpointRevalidate() throws Exception {
        long size = latest().size();
        assertTrue(size > 300 && size < 512, "tree of " + size);
        assertRevalidates("tile/0/000", IMMUTABLE);
        assertRevalidates("tile/entries/000", IMMUTABLE);
        assertRevalidates("tile/0/001.p/" + (size - 256), "no-cache");
        assertRevalidates("tile/entries/001.p/" + (size - 256), "no-cache");
        assertRevalidates("tile/1/000.p/1", "no-cache");
        assertRevalidates("checkpoint", "no-cache");
        assertFalse(header(get("tile/0/001.p/" + (size - 256), null), "Cache-Control").contains("immutable"));
    }

    /**
     * An entry bundle's tag comes from its leaf hashes, not its bytes: it must still differ wherever the bytes do. A
     * partial bundle that grew, a full one, and another log's bundle at the same path each answer the others' tags
     * with 200 and their own bytes; only the same bytes revalidate.
     */
    @Test
    void entryBundleEtags_neverRevalidateOtherBytes() throws Exception {
        long before = latest().size();
        String narrow = "tile/entries/001.p/" + (before - 256);
        HttpResponse<byte[]> narrowFirst = get(narrow, null);
        String narrowTag = header(narrowFirst, "ETag");
        long after = append(4).size();
        String wider = "tile/entries/001.p/" + (after - 256);
        HttpResponse<byte[]> widerFirst = get(wider, narrowTag);
        assertEquals(200, widerFirst.statusCode(), "the grown partial bundle is other bytes");
        assertTrue(widerFirst.body().length > narrowFirst.body().length);
        assertEquals(entryBundleEtag(widerFirst.body()), header(widerFirst, "ETag"));
        assertFalse(narrowTag.equals(header(widerFirst, "ETag")));
        assertEquals(304, get(narrow, narrowTag).statusCode(), "the narrow bundle is still the same bytes");
        HttpResponse<byte[]> full = get("tile/entries/000", null);
        String fullTag = header(full, "ETag");
        assertEquals(200, get("tile/entries/000", narrowTag + ", " + header(widerFirst, "ETag")).statusCode());
        assertEquals(200, get(wider, fullTag).statusCode());
        assertEquals(304, get("tile/entries/000", "\"" + "0".repeat(64) + "\", " + fullTag).statusCode());

        TestLog other = TestLog.create(service, LOG + "-other");
        SigningKey otherGateway = other.registerKey("device", List.of("meter-reading-batch"));
        long otherSize = Http.json(other.submitAndWait(TestLog.sign("meter-reading-batch", TestLog.meterBatch("meter-t",
                "gw-tiles", 0, Instant.parse("2026-01-01T00:00:00Z"), 2), otherGateway))).get("index").asLong();
        String samePath = "tile/entries/000.p/" + otherSize;
        HttpResponse<byte[]> ours = get(samePath, null);
        HttpResponse<byte[]> theirs = get(other.logId, samePath, header(ours, "ETag"));
        assertEquals(200, theirs.statusCode(), "another log's bundle at the same path is other bytes");
        assertFalse(java.util.Arrays.equals(ours.body(), theirs.body()));
        assertEquals(entryBundleEtag(theirs.body()), header(theirs, "ETag"));
        assertEquals(304, get(other.logId, samePath, header(theirs, "ETag")).statusCode());
    }

    @Test
    void hashTiles_holdTheStoredHashesOfTheDatabase() throws Exception {
        long size = latest().size();
        var reader = service.context().getBean(TreeStore.class).reader(LOG);
        for (TilePath tile : List.of(TilePath.tile(0, 0, 256), TilePath.tile(0, 1, (int) size - 256),
                TilePath.tile(1, 0, 1), TilePath.tile(0, 0, 100))) {
            long[] indexes = new long[tile.width()];
            for (int i = 0; i < indexes.length; i++) {
                indexes[i] = TreeHashes.storedHashIndex(8 * tile.level(), tile.index() * 256 + i);
            }
            byte[] expected = new byte[32 * tile.width()];
            List<byte[]> hashes = reader.readHashes(indexes);
            for (int i = 0; i < hashes.size(); i++) {
                System.arraycopy(hashes.get(i), 0, expected, 32 * i, 32);
            }
            assertArrayEquals(expected, get(tile.path(), null).body(), tile.path());
        }
    }

    @Test
    void proofsServedFromTiles_equalProofsComputedFromTheDatabase() throws Exception {
        Checkpoint checkpoint = latest();
        long size = checkpoint.size();
        var reader = service.context().getBean(TreeStore.class).reader(LOG);
        EntryStore entries = service.context().getBean(EntryStore.class);
        for (long treeSize : new long[] {1, 2, 255, 256, 257, 300, size}) {
            for (long index : new long[] {0, treeSize / 2, treeSize - 1, Math.min(255, treeSize - 1)}) {
                JsonNode proof = Http.json(log.read("proofs/inclusion?index=" + index + "&treeSize=" + treeSize));
                assertEquals(HexFormat.of().formatHex(entries.byIndex(LOG, index).orElseThrow().leafHash()),
                        proof.get("leafHash").asString(), "leaf " + index);
                assertEquals(b64(TreeHashes.proveInclusion(treeSize, index, reader)), strings(proof.get("hashes")),
                        "inclusion of " + index + " in " + treeSize);
            }
            JsonNode consistency = Http.json(log.read("proofs/consistency?from=" + treeSize + "&to=" + size));
            assertEquals(b64(TreeHashes.proveConsistency(size, treeSize, reader)), strings(consistency.get("hashes")),
                    "consistency " + treeSize + " -> " + size);
        }
        assertArrayEquals(checkpoint.rootHash(), TreeHashes.treeHash(size, reader));
    }

    @Test
    void aTileOnceFull_neverChanges_andOldPartialWidthsStayAsTheyWere() throws Exception {
        long before = latest().size();
        HttpResponse<byte[]> full = get("tile/0/000", null);
        String partialPath = "tile/0/001.p/" + (before - 256);
        HttpResponse<byte[]> partial = get(partialPath, null);
        long after = append(20).size();
        assertTrue(after > before);
        HttpResponse<byte[]> fullAgain = get("tile/0/000", full.headers().firstValue("ETag").orElseThrow());
        assertEquals(304, fullAgain.statusCode());
        assertArrayEquals(full.body(), get("tile/0/000", null).body());
        assertArrayEquals(partial.body(), get(partialPath, null).body());
        HttpResponse<byte[]> wider = get("tile/0/001.p/" + (after - 256), null);
        assertEquals(200, wider.statusCode());
        assertArrayEquals(partial.body(), java.util.Arrays.copyOf(wider.body(), partial.body().length),
                "a wider partial tile starts with the narrower one");
    }

    @Test
    void tilesBeyondThePublishedTree_are404() throws Exception {
        long size = latest().size();
        int width = (int) (size - 256);
        assertEquals(404, get("tile/0/002", null).statusCode());
        assertEquals(404, get("tile/0/001", null).statusCode(), "the tile is not full yet");
        assertEquals(404, get("tile/entries/001", null).statusCode());
        assertEquals(404, get("tile/0/001.p/" + (width + 1), null).statusCode(), "wider than the tree");
        assertEquals(404, get("tile/0/001.p/255", null).statusCode());
        assertEquals(404, get("tile/entries/001.p/" + (width + 1), null).statusCode());
        assertEquals(404, get("tile/1/000", null).statusCode(), "level 1 is full at 65,536 leaves");
        assertEquals(404, get("tile/1/000.p/2", null).statusCode());
        assertEquals(404, get("tile/2/000.p/1", null).statusCode());
        assertEquals(404, get("tile/0/x999/x999/x999/x999/x999/x999/999", null).statusCode(), "beyond any tree");
        assertEquals(404, get("tile/7/x009/x223/x372/x036/x854/x775/807", null).statusCode());
        assertEquals(400, log.read("proofs/inclusion?index=0&treeSize=" + (size + 1000)).statusCode());
        assertEquals(400, log.read("proofs/inclusion?index=" + size + "&treeSize=" + size).statusCode());
        assertEquals(400, log.read("proofs/consistency?from=1&to=" + (size + 1000)).statusCode());
    }

    /** With the tree's tables locked by another transaction, a proof of a tree the cache holds still answers. */
    @Test
    void cachedProofs_doNotWaitOnTheDatabase() throws Exception {
        long size = latest().size();
        String path = "proofs/inclusion?index=7&treeSize=" + size;
        JsonNode expected = Http.json(log.read(path));
        try (Connection c = DriverManager.getConnection(service.jdbcUrl(), "postgres", "")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("lock table tree_hashes, log_tree, entries, checkpoints in access exclusive mode");
            }
            JsonNode served = CompletableFuture.supplyAsync(() -> Http.json(log.read(path))).get(10, TimeUnit.SECONDS);
            assertEquals(expected, served);
            c.rollback();
        }
    }

    /**
     * A tree size no one asked a proof of yet: the first answer is computed on a blocking thread from the database,
     * the second from the cache on the event loop; both are the same bytes, and the proof holds against the root.
     */
    @Test
    void inclusionProof_fromTheCache_isByteIdenticalToTheFirstAnswer() throws Exception {
        Checkpoint checkpoint = append(3);
        long size = checkpoint.size();
        long treeSize = size - 1;
        long index = treeSize - 1;
        LogReader reader = service.context().getBean(LogReader.class);
        reader.inclusion(LOG, 0, size); // the size is known integrated, so only the tiles decide
        assertTrue(reader.cachedInclusion(LOG, index, treeSize).isEmpty(), "tiles of tree " + treeSize + " not cached yet");
        String path = "proofs/inclusion?index=" + index + "&treeSize=" + treeSize;
        HttpResponse<byte[]> first = log.read(path);
        assertTrue(reader.cachedInclusion(LOG, index, treeSize).isPresent(), "the first answer filled the cache");
        HttpResponse<byte[]> again = log.read(path);
        assertEquals(200, first.statusCode(), Http.text(first));
        assertEquals(200, again.statusCode(), Http.text(again));
        assertArrayEquals(first.body(), again.body());
        assertEquals(header(log.read("proofs/consistency?from=1&to=" + size), "Content-Type"), header(again, "Content-Type"),
                "the same media type as the other JSON answers");
        JsonNode proof = Http.json(again);
        List<byte[]> hashes = new ArrayList<>();
        proof.get("hashes").values().forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        var tree = service.context().getBean(TreeStore.class).reader(LOG);
        InclusionProofVerifier.verify(index, treeSize, HexFormat.of().parseHex(proof.get("leafHash").asString()), hashes,
                TreeHashes.treeHash(treeSize, tree));
        assertEquals(b64(TreeHashes.proveInclusion(size, index, tree)),
                strings(Http.json(log.read("proofs/inclusion?index=" + index + "&treeSize=" + size)).get("hashes")));
    }

    /** Refusals answered from the cached path and from the blocking one are the same problems as before. */
    @Test
    void inclusionProof_refusals_areProblemsOnBothPaths() throws Exception {
        long size = latest().size();
        assertEquals(200, log.read("proofs/inclusion?index=0&treeSize=" + size).statusCode());
        for (String query : List.of("index=" + size + "&treeSize=" + size, "index=0&treeSize=" + (size + 1000),
                "index=0&treeSize=0", "treeSize=" + size, "index=0")) {
            HttpResponse<byte[]> refused = log.read("proofs/inclusion?" + query);
            assertEquals(400, refused.statusCode(), query);
            assertTrue(header(refused, "Content-Type").startsWith("application/problem+json"), query);
            assertTrue(Http.json(refused).get("type").asString().endsWith("invalid-parameter"), query);
        }
        HttpResponse<byte[]> noLog = service.http().get("logs/no-such-log/proofs/inclusion?index=0", service.adminToken());
        assertEquals(404, noLog.statusCode(), "an unknown log is 404 before its parameters are looked at");
        assertEquals(401, service.http().get("logs/" + LOG + "/proofs/inclusion?index=0&treeSize=1", null).statusCode());
        String otherLogToken = service.token(Scopes.read("another-log"));
        assertEquals(403, service.http().get("logs/" + LOG + "/proofs/inclusion?index=0&treeSize=1", otherLogToken)
                .statusCode());
    }

    private static List<String> b64(List<byte[]> hashes) {
        return hashes.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.values().forEach(h -> out.add(h.asString()));
        return out;
    }
}
