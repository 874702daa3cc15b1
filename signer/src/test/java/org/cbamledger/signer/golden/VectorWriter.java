package org.cbamledger.signer.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.DsseSignature;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.signer.TreeHashes;
import org.cbamledger.spec.RecordValidationException;
import org.cbamledger.spec.RecordValidator;
import tools.jackson.databind.json.JsonMapper;

/** Writes the signed test vectors, one file per failure mode, and their README index. */
final class VectorWriter {
    static final String VALID = "valid";

    private final GoldenLogGenerator log;
    private final List<String[]> checkpointRows = new ArrayList<>();
    private final List<String[]> proofRows = new ArrayList<>();
    private final List<String[]> envelopeRows = new ArrayList<>();

    VectorWriter(GoldenLogGenerator log) {
        this.log = log;
    }

    void write(Path dir) throws IOException, SignerException {
        writeKeys(dir.resolve("keys"));
        writeCheckpoints(dir.resolve("checkpoints"));
        writeProofs(dir.resolve("proofs"));
        writeEnvelopes(dir.resolve("envelopes"));
        GoldenLogGenerator.write(dir.resolve("README.md"), readme(dir));
    }

    private void writeKeys(Path dir) throws IOException {
        for (TestKeys testKey : TestKeys.values()) {
            SigningKey key = testKey.key();
            Path pem = dir.resolve(testKey.fileName() + ".pem");
            Files.createDirectories(dir);
            key.writePem(pem);
            GoldenLogGenerator.write(dir.resolve(testKey.fileName() + ".pub"), key.publicKey().spkiBase64() + "\n");
            GoldenLogGenerator.write(dir.resolve(testKey.fileName() + ".keyid"), key.keyId() + "\n");
        }
        GoldenLogGenerator.write(dir.resolve("log.vkey"), log.logSigner().verifierKey() + "\n");
        GoldenLogGenerator.write(dir.resolve("log-rotated.vkey"),
                new NoteSigner(GoldenRecords.ORIGIN, TestKeys.LOG_ROTATED.key()).verifierKey() + "\n");
    }

    private void writeCheckpoints(Path dir) throws IOException {
        NoteSigner logKey = log.logSigner();
        String origin = GoldenRecords.ORIGIN;
        String root7 = Base64.getEncoder().encodeToString(log.root(7));
        String body7 = new Checkpoint(origin, 7, log.root(7), List.of()).body();
        checkpoint(dir, "valid.note", log.checkpoint(7), VALID);
        checkpoint(dir, "valid_rotated.note", log.checkpoint(GoldenLogGenerator.ROTATION_FROM_SIZE), VALID);
        checkpoint(dir, "error_no_signatures.note", body7 + "\n", "note has no signatures");
        checkpoint(dir, "error_bad_signature.note", NoteSigner.sign(body7, logKey).replace("\n7\n", "\n8\n"),
                "checkpoint signature by " + origin + " does not verify");
        checkpoint(dir, "error_unknown_key.note",
                NoteSigner.sign(body7, new NoteSigner(origin, TestKeys.STRANGER.key())),
                "checkpoint has no signature by a trusted key");
        checkpoint(dir, "error_wrong_origin.note",
                NoteSigner.sign(body7.replace(origin + "\n", "cbam-ledger/other\n"), logKey),
                "checkpoint origin \"cbam-ledger/other\" does not match expected origin \"" + origin + "\"");
        checkpoint(dir, "error_not_a_number.note", NoteSigner.sign(origin + "\nseven\n" + root7 + "\n", logKey),
                "checkpoint size is not a decimal number");
        String signed = NoteSigner.sign(body7, logKey);
        checkpoint(dir, "error_missing_newline.note", signed.substring(0, signed.length() - 1),
                "note does not end with a newline");
        checkpoint(dir, "error_root_not_base64.note", NoteSigner.sign(origin + "\n7\nnot-a-hash\n", logKey),
                "checkpoint root hash is not 32 bytes of base64");
        checkpoint(dir, "error_too_few_lines.note", NoteSigner.sign(origin + "\n7\n", logKey),
                "checkpoint has fewer than 3 lines");
    }

    private void checkpoint(Path dir, String file, String text, String expected) throws IOException {
        GoldenLogGenerator.write(dir.resolve(file), text);
        checkpointRows.add(new String[] {"checkpoints/" + file, expected});
    }

    private void writeProofs(Path dir) throws IOException {
        int n = log.size();
        int index = 5;
        List<byte[]> path = TreeHashes.proveInclusion(n, index, log.reader());
        byte[] leaf = log.entries().get(index).leafHash();
        inclusion(dir, "inclusion_valid.json", index, n, leaf, path, log.root(n), VALID);
        inclusion(dir, "inclusion_index_beyond_size.json", n, n, leaf, path, log.root(n),
                "leaf index " + n + " is not less than tree size " + n);
        inclusion(dir, "inclusion_wrong_root.json", index, n, leaf, path, log.root(n - 1),
                "inclusion proof does not lead to the root hash");
        inclusion(dir, "inclusion_wrong_leaf.json", index, n, log.entries().get(index + 1).leafHash(), path,
                log.root(n), "inclusion proof does not lead to the root hash");
        inclusion(dir, "inclusion_extra_hash.json", index, n, leaf, concat(path, log.root(1)), log.root(n),
                "inclusion proof has too many hashes");
        inclusion(dir, "inclusion_missing_hash.json", index, n, leaf, path.subList(0, path.size() - 1), log.root(n),
                "inclusion proof has too few hashes");
        // A valid path in the tree of 4, claimed for a tree of 8 whose root is set to root(4): only the
        // final sn == 0 check of RFC 9162 §2.1.3.2 catches it.
        inclusion(dir, "inclusion_smaller_tree.json", 2, 8, log.entries().get(2).leafHash(),
                TreeHashes.proveInclusion(4, 2, log.reader()), log.root(4), "inclusion proof has too few hashes");

        List<byte[]> consistency = TreeHashes.proveConsistency(n, 7, log.reader());
        consistency(dir, "consistency_valid.json", 7, n, log.root(7), log.root(n), consistency, VALID);
        consistency(dir, "consistency_wrong_old_root.json", 7, n, log.root(6), log.root(n), consistency,
                "consistency proof does not lead to the old root hash");
        consistency(dir, "consistency_wrong_new_root.json", 7, n, log.root(7), log.root(n - 1), consistency,
                "consistency proof does not lead to the new root hash");
        consistency(dir, "consistency_extra_hash.json", 7, n, log.root(7), log.root(n), concat(consistency, log.root(1)),
                "consistency proof has too many hashes");
        consistency(dir, "consistency_missing_hash.json", 7, n, log.root(7), log.root(n),
                consistency.subList(0, consistency.size() - 1), "consistency proof has too few hashes");
        consistency(dir, "consistency_empty.json", 7, n, log.root(7), log.root(n), List.of(),
                "consistency proof is empty");
        consistency(dir, "consistency_old_beyond_new.json", n, 7, log.root(n), log.root(7), consistency,
                "old tree size " + n + " is greater than new tree size 7");
    }

    private void inclusion(Path dir, String file, long index, long size, byte[] leaf, List<byte[]> hashes, byte[] root,
            String expected) throws IOException {
        GoldenLogGenerator.write(dir.resolve(file), "{\n  \"index\": " + index + ",\n  \"treeSize\": " + size
                + ",\n  \"leafHash\": \"" + HexFormat.of().formatHex(leaf) + "\",\n  \"rootHash\": \"" + b64(root)
                + "\",\n  \"hashes\": " + b64List(hashes) + "\n}\n");
        proofRows.add(new String[] {"proofs/" + file, expected});
    }

    private void consistency(Path dir, String file, long from, long to, byte[] oldRoot, byte[] newRoot,
            List<byte[]> hashes, String expected) throws IOException {
        GoldenLogGenerator.write(dir.resolve(file), "{\n  \"from\": " + from + ",\n  \"to\": " + to
                + ",\n  \"oldRoot\": \"" + b64(oldRoot) + "\",\n  \"newRoot\": \"" + b64(newRoot)
                + "\",\n  \"hashes\": " + b64List(hashes) + "\n}\n");
        proofRows.add(new String[] {"proofs/" + file, expected});
    }

    private void writeEnvelopes(Path dir) throws IOException, SignerException {
        SigningKey gateway = TestKeys.METER_GATEWAY.key();
        Envelope batch = log.entries().get(7);
        envelope(dir, "valid.json", batch.canonicalBytes(), VALID);
        envelope(dir, "valid_two_signatures.json", Envelope.sign("meter", log.entries().get(5).payload(),
                TestKeys.SUBMITTER.key(), TestKeys.OPERATOR_ROOT.key()).canonicalBytes(), VALID);
        envelope(dir, "valid_pretty_printed.json", pretty(batch), VALID);
        byte[] sig = batch.signatures().getFirst().sig();
        sig[10] ^= 0x01;
        envelope(dir, "bad_signature.json", new Envelope(batch.payloadType(), batch.payload(),
                List.of(new DsseSignature(gateway.keyId(), sig))).canonicalBytes(),
                "envelope signature by key " + gateway.keyId() + " does not verify");
        byte[] prettyPayload = ("{\n  \"kind\": \"meter-reading-batch\",\n  \"meterId\": \"main-incomer\",\n"
                + "  \"deviceId\": \"gw-01\",\n  \"sequence\": 99,\n  \"readings\": []\n}").getBytes(StandardCharsets.UTF_8);
        envelope(dir, "not_canonical.json", signedRaw(batch.payloadType(), prettyPayload, gateway),
                "envelope payload is not canonical JSON (RFC 8785)");
        envelope(dir, "unknown_key.json",
                Envelope.sign("meter-reading-batch", batch.payload(), TestKeys.STRANGER.key()).canonicalBytes(),
                "envelope has no signature by a known key");
        String filler = "x".repeat(Envelope.MAX_BYTES);
        byte[] bigRecord = ("{\"kind\":\"meter-reading-batch\",\"padding\":\"" + filler + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        envelope(dir, "oversized.json", signedRaw(batch.payloadType(), bigRecord, gateway),
                "envelope exceeds 65536 bytes");
        envelope(dir, "wrong_kind.json", signedRaw(batch.payloadType(), log.entries().getFirst().payload(), gateway),
                "record kind \"party\" does not match payloadType kind \"meter-reading-batch\"");
        String canonical = new String(batch.canonicalBytes(), StandardCharsets.UTF_8);
        envelope(dir, "unexpected_member.json", canonical.replaceFirst("\\{", "{\"extra\":true,")
                .getBytes(StandardCharsets.UTF_8), "envelope has unexpected member \"extra\"");
        envelope(dir, "payload_not_base64.json", canonical.replaceFirst("\"payload\":\"", "\"payload\":\"%")
                .getBytes(StandardCharsets.UTF_8), "envelope payload is not valid base64");
        envelope(dir, "no_signatures.json", canonical.replaceFirst("\"signatures\":\\[.*\\]", "\"signatures\":[]")
                .getBytes(StandardCharsets.UTF_8), "envelope has no signatures");
    }

    /** An envelope signed over PAE exactly as given, bypassing the checks of Envelope.sign. */
    private static byte[] signedRaw(String payloadType, byte[] payload, SigningKey key) {
        byte[] head = ("DSSEv1 " + payloadType.length() + " " + payloadType + " " + payload.length + " ")
                .getBytes(StandardCharsets.UTF_8);
        byte[] pae = new byte[head.length + payload.length];
        System.arraycopy(head, 0, pae, 0, head.length);
        System.arraycopy(payload, 0, pae, head.length, payload.length);
        return ("{\"payload\":\"" + b64(payload) + "\",\"payloadType\":\"" + payloadType
                + "\",\"signatures\":[{\"keyid\":\"" + key.keyId() + "\",\"sig\":\"" + b64(key.sign(pae)) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pretty(Envelope envelope) {
        DsseSignature signature = envelope.signatures().getFirst();
        return ("{\n  \"signatures\": [\n    {\n      \"sig\": \"" + b64(signature.sig()) + "\",\n      \"keyid\": \""
                + signature.keyId() + "\"\n    }\n  ],\n  \"payloadType\": \"" + envelope.payloadType()
                + "\",\n  \"payload\": \"" + b64(envelope.payload()) + "\"\n}\n").getBytes(StandardCharsets.UTF_8);
    }

    private void envelope(Path dir, String file, byte[] bytes, String expected) throws IOException {
        GoldenLogGenerator.write(dir.resolve(file), bytes);
        envelopeRows.add(new String[] {"envelopes/" + file, expected});
    }

    private static List<String[]> recordRows(Path vectors) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<String[]> rows = new ArrayList<>();
        for (String group : List.of("valid", "invalid")) {
            Path dir = vectors.resolve("records/" + group);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    String expected = VALID;
                    try {
                        RecordValidator.validate(json.readTree(file.toFile()));
                    } catch (RecordValidationException e) {
                        expected = e.getMessage();
                    }
                    rows.add(new String[] {"records/" + group + "/" + file.getFileName(), expected});
                }
            }
        }
        return rows;
    }

    private String readme(Path dir) throws IOException {
        return """
                # Test vectors

                One file per case. Generated by `bash api-spec/regenerate-golden.sh` (GoldenLogGenerator in
                signer's test sources) except `records/`, which is written by hand; this README is generated too,
                with the exact message each file must produce. `valid` means the call must succeed. The signer's
                VectorsTest reads these tables and asserts every row; the service's and the verifier's tests
                may do the same.

                ## Keys (`keys/`)

                Test keys derived from fixed seeds (SHA-256 of "cbam-ledger test key: <name>"); never use them
                for anything real. `<name>.pem` is PKCS#8 PEM (read with `SigningKey.readPem`), `<name>.pub`
                the std base64 SPKI DER (`PublicKeyInfo.fromBase64`), `<name>.keyid` the key id.

                | key | algorithm | role in the vectors and the golden log |
                |---|---|---|
                | `operator-root-ed25519` | ed25519 | operator root key; signs party, key registrations and revocations |
                | `meter-gateway-ed25519` | ed25519 | device key of gateway gw-01; signs meter-reading batches |
                | `submitter-ecdsa-p256` | ecdsa-p256 | submitter; signs installation, meters, corrections (allowed meter-reading-batch too: it corrects one) |
                | `log-ed25519` | ed25519 | log key, note key name `%1$s`; `log.vkey` |
                | `log-rotated-ed25519` | ed25519 | the log's next key (rotation); `log-rotated.vkey` |
                | `stranger-ed25519` | ed25519 | registered nowhere: signatures by it must be refused |

                ## Checkpoints (`checkpoints/`)

                Call: `CheckpointVerifier.verify(text, List.of(NoteVerifier.parse(<keys/log.vkey>)), "%1$s")`,
                expecting `SignerException` with the message.

                %2$s
                ## Proofs (`proofs/`)

                `inclusion_*.json` `{"index","treeSize","leafHash" (hex),"rootHash" (b64),"hashes" (b64)}`: call
                `InclusionProofVerifier.verify(index, treeSize, leafHash, hashes, rootHash)`.
                `consistency_*.json` `{"from","to","oldRoot","newRoot","hashes"}`: call
                `ConsistencyProofVerifier.verify(from, to, oldRoot, newRoot, hashes)`. Failures are `ProofException`.
                The tree is the golden log's (`api-spec/golden`).

                %3$s
                ## Envelopes (`envelopes/`)

                Call: `EnvelopeVerifier.verify(Envelope.parse(bytes), <known keys>)` with the known keys
                operator-root, meter-gateway and submitter (`keys/*.pub`), expecting `SignerException`.

                %4$s
                ## Records (`records/`)

                Call: `RecordValidator.validate(record)` (module api-spec), expecting `RecordValidationException`.

                %5$s""".formatted(GoldenRecords.ORIGIN, table(checkpointRows), table(proofRows), table(envelopeRows),
                table(recordRows(dir)));
    }

    private static String table(List<String[]> rows) {
        StringBuilder out = new StringBuilder("| file | expected |\n|---|---|\n");
        for (String[] row : rows) {
            String expected = row[1].equals(VALID) ? VALID : "`" + row[1] + "`";
            out.append("| `").append(row[0]).append("` | ").append(expected).append(" |\n");
        }
        return out.toString();
    }

    private static List<byte[]> concat(List<byte[]> hashes, byte[] extra) {
        List<byte[]> out = new ArrayList<>(hashes);
        out.add(extra);
        return out;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String b64List(List<byte[]> hashes) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < hashes.size(); i++) {
            out.append(i == 0 ? "\n    \"" : ",\n    \"").append(b64(hashes.get(i))).append('"');
        }
        return out.append(hashes.isEmpty() ? "]" : "\n  ]").toString();
    }
}
