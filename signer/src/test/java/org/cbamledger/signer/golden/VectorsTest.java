package org.cbamledger.signer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cbamledger.signer.CheckpointVerifier;
import org.cbamledger.signer.ConsistencyProofVerifier;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.EnvelopeVerifier;
import org.cbamledger.signer.InclusionProofVerifier;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.PublicKeyInfo;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.RecordValidator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every row of vectors/README.md: the file must give exactly the message named there. */
class VectorsTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| (valid|`(.*)`) \\|$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static byte[] vector(String path) throws IOException {
        try (InputStream in = VectorsTest.class.getResourceAsStream("/vectors/" + path)) {
            if (in == null) {
                throw new IOException("no vector " + path);
            }
            return in.readAllBytes();
        }
    }

    static String text(String path) throws IOException {
        return new String(vector(path), StandardCharsets.UTF_8);
    }

    private static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : text("README.md").split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.matches() && !m.group(1).startsWith("keys") && m.group(1).contains("/")) {
                rows.add(new String[] {m.group(1), m.group(3)});
            }
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyVector_givesTheMessageNamedInTheReadme() throws IOException {
        List<String[]> rows = rows();
        assertTrue(rows.size() >= 40, "README lists " + rows.size() + " vectors");
        return rows.stream().map(row -> DynamicTest.dynamicTest(row[0], () -> {
            String expected = row[1];
            try {
                run(row[0]);
            } catch (Exception e) {
                if (expected == null) {
                    fail(row[0] + " must be valid but failed: " + e.getMessage(), e);
                }
                assertEquals(expected, e.getMessage(), row[0]);
                return;
            }
            if (expected != null) {
                fail(row[0] + " must fail with: " + expected);
            }
        }));
    }

    @Test
    void everyVectorFile_isListedInTheReadme() throws IOException {
        List<String> listed = rows().stream().map(row -> row[0]).toList();
        Path vectors = Path.of("../api-spec/src/main/resources/vectors");
        for (String group : List.of("checkpoints", "proofs", "envelopes", "records/valid", "records/invalid")) {
            try (Stream<Path> files = Files.list(vectors.resolve(group))) {
                for (Path file : files.toList()) {
                    String path = group + "/" + file.getFileName();
                    assertTrue(listed.contains(path), path + " is not in vectors/README.md");
                }
            }
        }
    }

    @Test
    void keyFiles_loadAndMatchTheirPublicKeysAndIds() throws Exception {
        for (TestKeys testKey : TestKeys.values()) {
            Path pem = Files.createTempFile("vector-key", ".pem");
            try {
                Files.write(pem, vector("keys/" + testKey.fileName() + ".pem"));
                SigningKey key = SigningKey.readPem(pem);
                assertEquals(testKey.key().keyId(), key.keyId());
                assertEquals(key.publicKey().spkiBase64() + "\n", text("keys/" + testKey.fileName() + ".pub"));
                assertEquals(key.keyId() + "\n", text("keys/" + testKey.fileName() + ".keyid"));
            } finally {
                Files.delete(pem);
            }
        }
    }

    private static void run(String path) throws Exception {
        String group = path.substring(0, path.indexOf('/'));
        switch (group) {
            case "checkpoints" -> CheckpointVerifier.verify(text(path),
                    List.of(NoteVerifier.parse(text("keys/log.vkey").strip())), GoldenRecords.ORIGIN);
            case "proofs" -> runProof(path, JSON.readTree(vector(path)));
            case "envelopes" -> EnvelopeVerifier.verify(Envelope.parse(vector(path)), knownKeys());
            case "records" -> RecordValidator.validate(JSON.readTree(vector(path)));
            default -> throw new IllegalArgumentException("unknown vector group " + group);
        }
    }

    private static void runProof(String path, JsonNode proof) throws Exception {
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : proof.get("hashes").values()) {
            hashes.add(Base64.getDecoder().decode(hash.stringValue()));
        }
        if (path.startsWith("proofs/inclusion_")) {
            InclusionProofVerifier.verify(proof.get("index").longValue(), proof.get("treeSize").longValue(),
                    HexFormat.of().parseHex(proof.get("leafHash").stringValue()), hashes,
                    Base64.getDecoder().decode(proof.get("rootHash").stringValue()));
        } else {
            ConsistencyProofVerifier.verify(proof.get("from").longValue(), proof.get("to").longValue(),
                    Base64.getDecoder().decode(proof.get("oldRoot").stringValue()),
                    Base64.getDecoder().decode(proof.get("newRoot").stringValue()), hashes);
        }
    }

    private static List<PublicKeyInfo> knownKeys() throws Exception {
        List<PublicKeyInfo> keys = new ArrayList<>();
        keys.add(PublicKeyInfo.fromBase64(KeyAlgorithm.ED25519, text("keys/operator-root-ed25519.pub").strip()));
        keys.add(PublicKeyInfo.fromBase64(KeyAlgorithm.ED25519, text("keys/meter-gateway-ed25519.pub").strip()));
        keys.add(PublicKeyInfo.fromBase64(KeyAlgorithm.ECDSA_P256, text("keys/submitter-ecdsa-p256.pub").strip()));
        return keys;
    }
}
