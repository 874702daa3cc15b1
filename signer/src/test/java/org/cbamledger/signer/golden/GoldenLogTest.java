package org.cbamledger.signer.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.CheckpointVerifier;
import org.cbamledger.signer.ConsistencyProofVerifier;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.HashReader;
import org.cbamledger.signer.EnvelopeVerifier;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.TileData;
import org.cbamledger.signer.TilePath;
import org.cbamledger.signer.TlogProof;
import org.cbamledger.signer.TreeHashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The checked-in golden log is what the generator writes, and it verifies from its own files alone. */
class GoldenLogTest {
    private static final Path GOLDEN = Path.of("../api-spec/golden");
    private static final Path VECTORS = Path.of("../api-spec/src/main/resources/vectors");

    @Test
    void regeneration_isByteIdenticalToTheCheckedInFiles(@TempDir Path temp) throws Exception {
        Path vectors = temp.resolve("vectors");
        copyTree(VECTORS.resolve("records"), vectors.resolve("records"));
        GoldenLogGenerator generator = new GoldenLogGenerator();
        generator.writeGolden(temp.resolve("golden"));
        new VectorWriter(generator).write(vectors);
        assertSameTree(GOLDEN, temp.resolve("golden"));
        for (String item : List.of("keys", "checkpoints", "proofs", "envelopes")) {
            assertSameTree(VECTORS.resolve(item), vectors.resolve(item));
        }
        assertEquals(Files.readString(VECTORS.resolve("README.md")), Files.readString(vectors.resolve("README.md")));
    }

    @Test
    void goldenLog_verifiesFromItsOwnFiles() throws Exception {
        JsonNode manifest = JsonMapper.builder().build().readTree(GOLDEN.resolve("bundle.json").toFile());
        String origin = manifest.get("origin").stringValue();
        int size = manifest.get("treeSize").intValue();
        assertTrue(size >= 16);
        List<NoteVerifier> logKeys = new ArrayList<>();
        for (String line : Files.readAllLines(GOLDEN.resolve("log-key.vkey"))) {
            logKeys.add(NoteVerifier.parse(line));
        }
        // Each log key alone verifies every checkpoint it signed; the first signs them all.
        byte[][] roots = new byte[size + 1][];
        for (int s = 1; s <= size; s++) {
            Checkpoint checkpoint = CheckpointVerifier.verify(
                    Files.readString(GOLDEN.resolve("checkpoints/" + s + ".note")), List.of(logKeys.get(0)), origin);
            assertEquals(s, checkpoint.size());
            roots[s] = checkpoint.rootHash();
        }
        CheckpointVerifier.verify(Files.readString(GOLDEN.resolve("checkpoints/" + size + ".note")),
                List.of(logKeys.get(1)), origin);
        // The operator's root key is pinned out of band (CONTRACTS.md); every other key must be registered first.
        List<PublicKeyInfo> registered = new ArrayList<>();
        registered.add(PublicKeyInfo.fromBase64(KeyAlgorithm.ED25519,
                Files.readString(VECTORS.resolve("keys/operator-root-ed25519.pub")).strip()));
        for (JsonNode entry : manifest.get("entries").values()) {
            int index = entry.get("index").intValue();
            byte[] bytes = Files.readAllBytes(GOLDEN.resolve(entry.get("file").stringValue()));
            assertEquals(entry.get("leafHash").stringValue(), HexFormat.of().formatHex(Merkle.leafHash(bytes)));
            Envelope envelope = Envelope.parse(bytes);
            assertArrayEquals(bytes, envelope.canonicalBytes());
            JsonNode record = envelope.record();
            if (envelope.kind().equals("key-registration")) {
                registered.add(PublicKeyInfo.fromBase64(KeyAlgorithm.fromWire(record.get("algorithm").stringValue()),
                        record.get("publicKey").stringValue()));
            }
            EnvelopeVerifier.verify(envelope, registered);
            TlogProof proof = TlogProof.parse(Files.readString(GOLDEN.resolve("proofs/" + index + ".tlog-proof")));
            assertEquals(index, proof.index());
            proof.verify(Merkle.leafHash(bytes), logKeys.subList(0, 1), origin);
        }
        List<String> storedHashes = Files.readAllLines(GOLDEN.resolve("stored-hashes.txt"));
        assertEquals(TreeHashes.storedHashCount(size), storedHashes.size());
        HashReader stored = indexes -> {
            List<byte[]> out = new ArrayList<>();
            for (long index : indexes) {
                out.add(HexFormat.of().parseHex(storedHashes.get((int) index).split(" ")[1]));
            }
            return out;
        };
        assertArrayEquals(roots[size], TreeHashes.treeHash(size, stored));
        assertArrayEquals(Files.readAllBytes(GOLDEN.resolve("tile/0/000.p/" + size)),
                TileData.read(TilePath.forTreeSize(0, 0, size), stored));
        try (Stream<Path> files = Files.list(GOLDEN.resolve("consistency"))) {
            int count = 0;
            for (Path file : files.toList()) {
                String[] sizes = file.getFileName().toString().replace(".proof", "").split("-");
                int from = Integer.parseInt(sizes[0]);
                int to = Integer.parseInt(sizes[1]);
                List<byte[]> hashes = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    hashes.add(Base64.getDecoder().decode(line));
                }
                ConsistencyProofVerifier.verify(from, to, roots[from], roots[to], hashes);
                count++;
            }
            assertEquals(2 * (size - 1) - 1, count);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void assertSameTree(Path expected, Path actual) throws IOException {
        List<String> expectedFiles = relativeFiles(expected);
        assertEquals(expectedFiles, relativeFiles(actual), "files under " + expected);
        for (String file : expectedFiles) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)),
                    "regenerated " + expected.resolve(file) + " differs: run bash api-spec/regenerate-golden.sh");
        }
    }

    private static List<String> relativeFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

}
