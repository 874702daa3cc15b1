package org.cbamledger.verifier.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.HashReader;
import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.Sha256;
import org.cbamledger.signer.SignedNote;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.TileData;
import org.cbamledger.signer.TilePath;
import org.cbamledger.signer.TlogProof;

/**
 * Writes an evidence bundle in the layout of api-spec/BUNDLE.md, to a directory or a zip stream ({@link BundleSink}).
 * Files are written as they are added; {@link #finish()} writes bundle.json. A directory must be new or empty.
 * {@link #v2} writes format v2: entries packed as they are added (ascending), and at {@link #finish()} the hash tiles
 * that prove them into the largest checkpoint, read from the log's tree.
 */
public final class BundleWriter {
    private final BundleSink sink;
    private String logId;
    private String origin;
    private final TreeMap<Long, String> checkpoints = new TreeMap<>();
    private final TreeMap<Long, ManifestEntry> entries = new TreeMap<>();
    private final TreeMap<Long, String> proofCheckpoints = new TreeMap<>();
    private final List<long[]> consistencies = new ArrayList<>();
    private final TreeMap<String, ManifestDocument> documents = new TreeMap<>();
    private final TreeSet<Long> timestamps = new TreeSet<>();
    private String statementFile;
    private Coverage coverage;
    private boolean finished;
    /** v2 only: the log's tree the tiles are read from, the packs written so far and the one open. */
    private final HashReader tree;
    private final List<ManifestPack> packs = new ArrayList<>();
    private OutputStream pack;
    private long packEntries;
    static final String UNIQUENESS_DIRECTORY = "uniqueness";

    public BundleWriter(Path dir) throws IOException {
        this(new DirectorySink(dir));
    }

    public BundleWriter(BundleSink sink) {
        this(sink, null);
    }

    private BundleWriter(BundleSink sink, HashReader tree) {
        this.sink = sink;
        this.tree = tree;
    }

    /**
     * A writer of format v2 (BUNDLE.md): {@code tree} reads the log's stored hashes (signer TreeHashes layout) for
     * the tiles of the largest checkpoint; each tile's leaf hashes are checked against the entries written.
     */
    public static BundleWriter v2(BundleSink sink, HashReader tree) {
        return new BundleWriter(sink, java.util.Objects.requireNonNull(tree));
    }

    /** Writes log-key.vkey: the log's note verifier keys, one a line. */
    public void logInfo(String logId, String origin, List<String> logVerifierKeys) throws IOException {
        requireOpen();
        if (!BundlePaths.isLogId(logId) || !BundlePaths.originFor(logId).equals(origin)) {
            throw new IllegalArgumentException("log id " + logId + " with origin " + origin
                    + " is not a [a-z0-9-]{3,64} id with origin cbam-ledger/<logId>");
        }
        if (logVerifierKeys.isEmpty() || logVerifierKeys.stream().anyMatch(k -> k.isEmpty() || k.contains("\n"))) {
            throw new IllegalArgumentException("log verifier keys must be one or more non-empty single lines");
        }
        this.logId = logId;
        this.origin = origin;
        write(BundlePaths.LOG_KEY, (String.join("\n", logVerifierKeys) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void addCheckpoint(long size, String signedNote) throws IOException {
        requireOpen();
        long noteSize;
        try {
            noteSize = Checkpoint.parse(SignedNote.parse(signedNote).text()).size();
        } catch (SignerException e) {
            throw new IllegalArgumentException("not a signed checkpoint: " + e.getMessage(), e);
        }
        if (noteSize != size || size <= 0) {
            throw new IllegalArgumentException("checkpoint has size " + noteSize + ", expected " + size);
        }
        write(BundlePaths.checkpointFile(size), signedNote.getBytes(StandardCharsets.UTF_8));
        checkpoints.put(size, signedNote);
    }

    /** Writes an RFC 3161 token (DER) over the note text of checkpoint {@code size}, which must be bundled too. */
    public void addTimestamp(long size, byte[] tokenDer) throws IOException {
        requireOpen();
        if (size <= 0 || !timestamps.add(size)) {
            throw new IllegalArgumentException("time-stamp token for size " + size + " is not new");
        }
        write(BundlePaths.timestampFile(size), tokenDer);
    }

    /** v2: appends the entry's exact bytes to the open pack; entries come in ascending index order. */
    public void addEntry(long index, byte[] canonicalEnvelopeBytes) throws IOException {
        requireOpen();
        if (tree == null) {
            throw new IllegalStateException("a v1 bundle carries an inclusion proof with each entry");
        }
        if (index < 0 || (!entries.isEmpty() && index <= entries.lastKey())) {
            throw new IllegalArgumentException("entry " + index + " is not above the last one written");
        }
        if (pack == null) {
            pack = sink.open(BundlePaths.packFile(packs.size()));
        }
        EntryPack.append(pack, index, canonicalEnvelopeBytes);
        String leafHash = HexFormat.of().formatHex(Merkle.leafHash(canonicalEnvelopeBytes));
        entries.put(index, new ManifestEntry(index, leafHash, BundlePaths.packedEntry(BundlePaths.packFile(packs.size()), index)));
        if (++packEntries == EntryPack.MAX_ENTRIES) {
            closePack();
        }
    }

    private void closePack() throws IOException {
        if (pack != null) {
            pack.close();
            packs.add(new ManifestPack(BundlePaths.packFile(packs.size()), packEntries));
            pack = null;
            packEntries = 0;
        }
    }

    /** v1: writes the entry's exact bytes and its inclusion proof against the bundle's largest checkpoint. */
    public void addEntry(long index, byte[] canonicalEnvelopeBytes, TlogProof inclusionProof) throws IOException {
        requireOpen();
        if (tree != null) {
            throw new IllegalStateException("a v2 bundle proves its entries with tiles, not inclusion proofs");
        }
        if (index < 0 || inclusionProof.index() != index) {
            throw new IllegalArgumentException("inclusion proof is for index " + inclusionProof.index()
                    + ", expected " + index);
        }
        write(BundlePaths.entryFile(index), canonicalEnvelopeBytes);
        write(BundlePaths.proofFile(index), inclusionProof.format().getBytes(StandardCharsets.UTF_8));
        String leafHash = HexFormat.of().formatHex(Merkle.leafHash(canonicalEnvelopeBytes));
        entries.put(index, new ManifestEntry(index, leafHash, BundlePaths.entryFile(index)));
        proofCheckpoints.put(index, inclusionProof.signedCheckpoint());
    }

    /** Writes an RFC 9162 consistency proof between two bundled checkpoints, one std base64 hash a line. */
    public void addConsistency(long fromSize, long toSize, List<byte[]> hashes) throws IOException {
        requireOpen();
        if (fromSize <= 0 || fromSize >= toSize) {
            throw new IllegalArgumentException("consistency proof needs 0 < from < to, got " + fromSize + "-" + toSize);
        }
        StringBuilder text = new StringBuilder();
        for (byte[] hash : hashes) {
            text.append(Base64.getEncoder().encodeToString(hash)).append('\n');
        }
        write(BundlePaths.consistencyFile(fromSize, toSize), text.toString().getBytes(StandardCharsets.UTF_8));
        consistencies.add(new long[] {fromSize, toSize});
    }

    /** Copies a source document, checking its SHA-256; {@code contentOrNull == null} records it as erased. */
    public void addDocument(String sha256Hex, InputStream contentOrNull) throws IOException {
        requireOpen();
        if (!BundlePaths.isSha256Hex(sha256Hex) || documents.containsKey(sha256Hex)) {
            throw new IllegalArgumentException("document hash is not new 64 lowercase hex digits: " + sha256Hex);
        }
        if (contentOrNull == null) {
            documents.put(sha256Hex, new ManifestDocument(sha256Hex, null, true));
            return;
        }
        String file = BundlePaths.documentFile(sha256Hex);
        closePack();
        MessageDigest sha256 = Sha256.newDigest();
        try (OutputStream out = new DigestOutputStream(sink.open(file), sha256)) {
            contentOrNull.transferTo(out);
        }
        String actual = Sha256.hex(sha256);
        if (!actual.equals(sha256Hex)) {
            sink.abandon(file);
            throw new IOException("document content has SHA-256 " + actual + ", expected " + sha256Hex);
        }
        documents.put(sha256Hex, new ManifestDocument(sha256Hex, file, false));
    }

    /**
     * Writes the statement JSON under {@code fileName}, its compact JWS beside it ({@code statement.jws}) and, if
     * given, its PDF ({@code statement.pdf}).
     */
    public void addStatement(String fileName, byte[] statementJson, String compactJws, byte[] pdfOrNull)
            throws IOException {
        requireOpen();
        if (!BundlePaths.isStatementName(fileName) || statementFile != null
                || BundlePaths.statementJwsFile(fileName).equals(fileName)) {
            throw new IllegalArgumentException("statement must be one plain file name, got " + fileName);
        }
        write(fileName, statementJson);
        write(BundlePaths.statementJwsFile(fileName), compactJws.getBytes(StandardCharsets.US_ASCII));
        if (pdfOrNull != null) {
            write(BundlePaths.statementPdfFile(fileName), pdfOrNull);
        }
        statementFile = fileName;
    }

    /** Writes the statement's communication template workbook beside it ({@code statement.xlsx}); after {@link #addStatement}. */
    public void addStatementWorkbook(byte[] xlsx) throws IOException {
        requireOpen();
        if (statementFile == null) {
            throw new IllegalStateException("the workbook goes beside a statement: add the statement first");
        }
        write(BundlePaths.statementWorkbookFile(statementFile), xlsx);
    }

    /** Writes a map proof of the log's index (a room bundle's {@code index/<hex>.json}). */
    public void addIndexProof(String mapKeyHex, byte[] proofJson) throws IOException {
        requireOpen();
        if (!BundlePaths.isSha256Hex(mapKeyHex)) {
            throw new IllegalArgumentException("an index proof is named by a 64-hex map key, got " + mapKeyHex);
        }
        write(BundlePaths.indexProofFile(mapKeyHex), proofJson);
    }

    /** States what the bundle covers (bundle.json {@code coverage}); a range must lie below the largest checkpoint. */
    public void cover(Coverage coverage) {
        requireOpen();
        this.coverage = coverage;
    }

    /** Checks the pieces fit together and writes bundle.json (RFC 8785 canonical JSON). */
    public void finish() throws IOException {
        requireOpen();
        if (logId == null || checkpoints.isEmpty()) {
            throw new IllegalStateException("a bundle needs logInfo and at least one checkpoint");
        }
        long largest = checkpoints.lastKey();
        String largestNote = checkpoints.get(largest);
        proofCheckpoints.forEach((index, note) -> {
            if (!note.equals(largestNote)) {
                throw new IllegalStateException("inclusion proof of entry " + index
                        + " is not against the largest checkpoint (size " + largest + ")");
            }
        });
        for (long[] c : consistencies) {
            if (!checkpoints.containsKey(c[0]) || !checkpoints.containsKey(c[1])) {
                throw new IllegalStateException("consistency proof " + c[0] + "-" + c[1] + " is between unbundled sizes");
            }
        }
        for (long size : timestamps) {
            if (!checkpoints.containsKey(size)) {
                throw new IllegalStateException("time-stamp token for unbundled checkpoint " + size);
            }
        }
        if (coverage instanceof Coverage.Range r && r.toIndex() > largest) {
            throw new IllegalStateException("coverage to " + r.toIndex() + " lies beyond the largest checkpoint " + largest);
        }
        closePack();
        if (tree != null) {
            if (!entries.isEmpty() && entries.lastKey() >= largest) {
                throw new IllegalStateException("entry " + entries.lastKey() + " lies beyond the largest checkpoint " + largest);
            }
            writeTiles(largest);
        }
        BundleManifest manifest = new BundleManifest(logId, origin, largest,
                tree == null ? List.copyOf(entries.values()) : List.of(),
                List.copyOf(new TreeSet<>(checkpoints.keySet())), List.copyOf(documents.values()), statementFile,
                List.copyOf(timestamps), coverage, tree == null ? BundlePaths.FORMAT : BundlePaths.FORMAT_V2,
                List.copyOf(packs));
        write(BundlePaths.MANIFEST, ManifestCodec.write(manifest));
        sink.finish();
        finished = true;
    }

    /** Writes a file of the {@value #UNIQUENESS_DIRECTORY}/ part of the layout (the claim map's checkpoint and proofs). */
    public void addUniquenessFile(String file, byte[] content) throws IOException {
        requireOpen();
        if (!file.startsWith(UNIQUENESS_DIRECTORY + "/") || file.contains("..")) {
            throw new IllegalArgumentException("not a file under " + UNIQUENESS_DIRECTORY + "/: " + file);
        }
        write(file, content);
    }

    /** The tiles that prove the bundled entries into the checkpoint of {@code treeSize}, each leaf hash checked. */
    private void writeTiles(long treeSize) throws IOException {
        for (TilePath tile : BundleTiles.required(treeSize, entries.keySet())) {
            byte[] hashes = TileData.read(tile, tree);
            for (int i = 0; tile.level() == 0 && i < tile.width(); i++) {
                ManifestEntry entry = entries.get(tile.index() * TilePath.FULL_WIDTH + i);
                if (entry != null && !entry.leafHashHex().equals(HexFormat.of().formatHex(hashes,
                        i * Merkle.HASH_BYTES, (i + 1) * Merkle.HASH_BYTES))) {
                    throw new IOException("the log's tree holds another leaf hash for entry " + entry.index()
                            + " than its bytes hash to");
                }
            }
            write(tile.path(), hashes);
        }
    }

    private void write(String file, byte[] content) throws IOException {
        closePack();
        sink.write(file, content);
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("bundle already finished");
        }
    }
}
