package org.cbamledger.signer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlogProofAndTilesTest {
    @Test
    void tlogProof_formatsParsesAndVerifies() throws IOException, SignerException, ProofException {
        MemoryHashStore store = new MemoryHashStore();
        for (int i = 0; i < 11; i++) {
            store.append(Merkle.leafHash(("e" + i).getBytes(StandardCharsets.UTF_8)));
        }
        NoteSigner log = new NoteSigner("cbam-ledger/alu-rs", SigningKey.generate(KeyAlgorithm.ED25519));
        Checkpoint checkpoint = new Checkpoint("cbam-ledger/alu-rs", 11, TreeHashes.treeHash(11, store), List.of());
        String note = NoteSigner.sign(checkpoint.body(), log);
        TlogProof proof = new TlogProof(6, TreeHashes.proveInclusion(11, 6, store), note);
        String text = proof.format();
        assertEquals(true, text.startsWith("c2sp.org/tlog-proof@v1\nindex 6\n"));
        TlogProof parsed = TlogProof.parse(text);
        assertEquals(proof, parsed);
        assertEquals(text, parsed.format());
        parsed.verify(store.leaves.get(6), List.of(NoteVerifier.parse(log.verifierKey())), "cbam-ledger/alu-rs");
        assertThrows(ProofException.class, () -> parsed.verify(store.leaves.get(5),
                List.of(NoteVerifier.parse(log.verifierKey())), "cbam-ledger/alu-rs"));
    }

    @Test
    void tlogProof_rejectsMalformedText() {
        assertEquals("tlog-proof does not start with c2sp.org/tlog-proof@v1",
                assertThrows(SignerException.class, () -> TlogProof.parse("c2sp.org/tlog-proof@v2\nindex 1\n\nx\n")).getMessage());
        assertEquals("tlog-proof index is not a decimal number",
                assertThrows(SignerException.class, () -> TlogProof.parse("c2sp.org/tlog-proof@v1\nindex x\n\nx\n")).getMessage());
        assertEquals("tlog-proof hash is not 32 bytes of base64",
                assertThrows(SignerException.class, () -> TlogProof.parse("c2sp.org/tlog-proof@v1\nindex 1\nAAAA\n\nx\n")).getMessage());
        assertEquals("tlog-proof has no checkpoint",
                assertThrows(SignerException.class, () -> TlogProof.parse("c2sp.org/tlog-proof@v1\nindex 1\n")).getMessage());
    }

    @Test
    void tilePath_encodesIndexInThreeDigitGroups() {
        // c2sp.org/tlog-tiles: "x001/x234/067" for 1234067
        assertEquals("x001/x234/067", TilePath.encodeIndex(1_234_067));
        assertEquals("000", TilePath.encodeIndex(0));
        assertEquals("x001/000", TilePath.encodeIndex(1000));
        assertEquals("tile/0/x001/x234/067", TilePath.tile(0, 1_234_067, 256).path());
        assertEquals("tile/1/000.p/7", TilePath.tile(1, 0, 7).path());
        assertEquals("tile/entries/x001/000.p/255", TilePath.entries(1000, 255).path());
    }

    @Test
    void tilePath_parsesWhatItFormats() throws SignerException {
        for (TilePath tile : List.of(TilePath.tile(0, 1_234_067, 256), TilePath.tile(2, 5, 3),
                TilePath.entries(999_999, 256), TilePath.entries(0, 1))) {
            assertEquals(tile, TilePath.parse(tile.path()));
        }
    }

    @Test
    void tilePath_rejectsNonCanonicalPaths() {
        for (String bad : List.of("tile/0/1", "tile/0/x000/001", "tile/0/000.p/256", "tile/0/000.p/0",
                "tile/64/000", "tile/00/000", "tile/0/001.p/007", "tile/entries/001/")) {
            assertEquals("tile path \"" + bad + "\" is malformed",
                    assertThrows(SignerException.class, () -> TilePath.parse(bad)).getMessage(), bad);
        }
    }

    @Test
    void tileData_holdsTheHashesOfItsLevelFromStoredHashes() throws IOException {
        MemoryHashStore store = new MemoryHashStore();
        for (int i = 0; i < 300; i++) {
            store.append(Merkle.leafHash(("e" + i).getBytes(StandardCharsets.UTF_8)));
        }
        byte[] level0 = TileData.read(TilePath.forTreeSize(0, 1, 300), store);
        assertEquals(44 * 32, level0.length);
        assertArrayEquals(store.leaves.get(256), java.util.Arrays.copyOfRange(level0, 0, 32));
        assertArrayEquals(store.leaves.get(299), java.util.Arrays.copyOfRange(level0, 43 * 32, 44 * 32));
        // The single node of tile level 1 so far is the root of the first 256 leaves.
        byte[] level1 = TileData.read(TilePath.forTreeSize(1, 0, 300), store);
        assertArrayEquals(TreeHashes.treeHash(256, store), level1);
    }

    @Test
    void tilePath_forTreeSizeGivesPartialWidths() {
        assertEquals(TilePath.tile(0, 0, 256), TilePath.forTreeSize(0, 0, 300));
        assertEquals(TilePath.tile(0, 1, 44), TilePath.forTreeSize(0, 1, 300));
        assertEquals(TilePath.tile(1, 0, 1), TilePath.forTreeSize(1, 0, 300));
        assertEquals(TilePath.entries(1, 44), TilePath.forTreeSize(TilePath.ENTRIES, 1, 300));
        assertNull(TilePath.forTreeSize(0, 2, 300));
    }
}
