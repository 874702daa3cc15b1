package org.cbamledger.signer.golden;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.cbamledger.signer.CanonicalJson;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.HashReader;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.TilePath;
import org.cbamledger.signer.TlogProof;
import org.cbamledger.signer.TreeHashes;

/**
 * Writes the golden log (api-spec/golden, in the evidence-bundle layout of CONTRACTS.md) and the signed
 * test vectors (api-spec/src/main/resources/vectors). Everything is derived from TestKeys and fixed
 * records, and Ed25519 and RFC 6979 ECDSA signatures are deterministic, so the output is byte-identical
 * on every run. Usage: GoldenLogGenerator <goldenDir> <vectorsDir>
 */
public final class GoldenLogGenerator {
    /** Sizes from which checkpoints carry a second signature by the rotated log key. */
    static final int ROTATION_FROM_SIZE = 10;

    private final List<Envelope> entries;
    private final List<byte[]> stored = new ArrayList<>();
    private final HashReader reader = indexes -> {
        List<byte[]> out = new ArrayList<>();
        for (long index : indexes) {
            out.add(stored.get((int) index));
        }
        return out;
    };
    private final NoteSigner logSigner = new NoteSigner(GoldenRecords.ORIGIN, TestKeys.LOG.key());
    private final NoteSigner rotatedSigner = new NoteSigner(GoldenRecords.ORIGIN, TestKeys.LOG_ROTATED.key());

    GoldenLogGenerator() throws SignerException, IOException {
        entries = GoldenRecords.entries();
        for (int i = 0; i < entries.size(); i++) {
            stored.addAll(TreeHashes.storedHashes(i, entries.get(i).leafHash(), reader));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: GoldenLogGenerator <goldenDir> <vectorsDir>");
            System.exit(2);
        }
        GoldenLogGenerator generator = new GoldenLogGenerator();
        generator.writeGolden(Path.of(args[0]));
        new VectorWriter(generator).write(Path.of(args[1]));
    }

    int size() {
        return entries.size();
    }

    List<Envelope> entries() {
        return entries;
    }

    HashReader reader() {
        return reader;
    }

    byte[] root(long size) throws IOException {
        return TreeHashes.treeHash(size, reader);
    }

    NoteSigner logSigner() {
        return logSigner;
    }

    String checkpoint(long size) throws IOException {
        String body = new Checkpoint(GoldenRecords.ORIGIN, size, root(size), List.of()).body();
        return size >= ROTATION_FROM_SIZE
                ? NoteSigner.sign(body, logSigner, rotatedSigner)
                : NoteSigner.sign(body, logSigner);
    }

    void writeGolden(Path dir) throws IOException, SignerException {
        int n = size();
        write(dir.resolve("log-key.vkey"), logSigner.verifierKey() + "\n" + rotatedSigner.verifierKey() + "\n");
        StringBuilder manifestEntries = new StringBuilder();
        String latest = checkpoint(n);
        for (int i = 0; i < n; i++) {
            write(dir.resolve("entries/" + i + ".json"), entries.get(i).canonicalBytes());
            write(dir.resolve("proofs/" + i + ".tlog-proof"),
                    new TlogProof(i, TreeHashes.proveInclusion(n, i, reader), latest).format());
            manifestEntries.append(i == 0 ? "" : ",").append("{\"file\":\"entries/").append(i)
                    .append(".json\",\"index\":").append(i).append(",\"leafHash\":\"")
                    .append(HexFormat.of().formatHex(entries.get(i).leafHash())).append("\"}");
        }
        StringBuilder sizes = new StringBuilder();
        for (int size = 1; size <= n; size++) {
            write(dir.resolve("checkpoints/" + size + ".note"), checkpoint(size));
            sizes.append(size == 1 ? "" : ",").append(size);
            if (size < n) {
                writeConsistency(dir, size, size + 1);
                if (size + 1 < n) {
                    writeConsistency(dir, size, n);
                }
            }
        }
        String manifest = "{\"format\":\"cbam-ledger-bundle/v1\",\"logId\":\"" + GoldenRecords.LOG_ID
                + "\",\"origin\":\"" + GoldenRecords.ORIGIN + "\",\"treeSize\":" + n + ",\"entries\":["
                + manifestEntries + "],\"checkpoints\":[" + sizes + "],\"documents\":[],\"statement\":null}";
        write(dir.resolve("bundle.json"), new String(CanonicalJson.canonicalize(
                manifest.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8) + "\n");
        writeStoredHashes(dir.resolve("stored-hashes.txt"));
        writeTiles(dir);
        write(dir.resolve("README.md"), readme());
    }

    private void writeConsistency(Path dir, int from, int to) throws IOException {
        StringBuilder text = new StringBuilder();
        for (byte[] hash : TreeHashes.proveConsistency(to, from, reader)) {
            text.append(Base64.getEncoder().encodeToString(hash)).append('\n');
        }
        write(dir.resolve("consistency/" + from + "-" + to + ".proof"), text.toString());
    }

    private void writeStoredHashes(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < stored.size(); i++) {
            text.append(i).append(' ').append(HexFormat.of().formatHex(stored.get(i))).append('\n');
        }
        write(file, text.toString());
    }

    /** C2SP tlog-tiles: the level-0 hash tile and the entry bundle (2-byte big-endian length per entry). */
    private void writeTiles(Path dir) throws IOException {
        int n = size();
        ByteBuffer hashes = ByteBuffer.allocate(n * Merkle.HASH_BYTES);
        int bundleBytes = 0;
        for (Envelope entry : entries) {
            hashes.put(entry.leafHash());
            bundleBytes += 2 + entry.canonicalBytes().length;
        }
        ByteBuffer bundle = ByteBuffer.allocate(bundleBytes);
        for (Envelope entry : entries) {
            byte[] bytes = entry.canonicalBytes();
            bundle.putShort((short) bytes.length).put(bytes);
        }
        write(dir.resolve(TilePath.forTreeSize(0, 0, n).path()), hashes.array());
        write(dir.resolve(TilePath.forTreeSize(TilePath.ENTRIES, 0, n).path()), bundle.array());
    }

    private String readme() {
        return """
                # Golden log

                Generated by `bash api-spec/regenerate-golden.sh`; do not edit. CI runs the script with
                `--check`, which regenerates into a temporary directory and diffs. The keys are the test keys of
                `api-spec/src/main/resources/vectors/keys/` (derived from fixed seeds, never for real use).

                The directory is an evidence bundle (CONTRACTS.md) of log `%s`, origin `%s`, %d entries:

                - `entries/<index>.json`: the RFC 8785 canonical envelope bytes (hash them as they are).
                  0 party; 1-3 key registrations (root ed25519, gateway ed25519, submitter ecdsa-p256);
                  4 installation; 5-6 meters; 7-14 meter-reading batches 0-7 of gateway gw-01;
                  15 correction of entry 9; 16 batch 8; 17 revocation of the gateway key.
                - `checkpoints/<size>.note`: a signed checkpoint for every size 1..%d. From size %d on it carries a
                  second signature by the rotated log key (both keys in `log-key.vkey`).
                - `proofs/<index>.tlog-proof`: C2SP tlog-proof of every entry against checkpoint %d.
                - `consistency/<a>-<b>.proof`: RFC 9162 consistency proofs (one base64 hash a line) from every
                  size a to a+1 and to %d.
                - `stored-hashes.txt`: `<stored hash index> <hex>` in the golang.org/x/mod/sumdb/tlog layout.
                - `tile/0/000.p/%d` and `tile/entries/000.p/%d`: C2SP tlog-tiles of the tree.
                """.formatted(GoldenRecords.LOG_ID, GoldenRecords.ORIGIN, size(), size(), ROTATION_FROM_SIZE, size(),
                size(), size(), size());
    }

    static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
