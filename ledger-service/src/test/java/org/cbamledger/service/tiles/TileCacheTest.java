package org.cbamledger.service.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cbamledger.signer.Merkle;
import org.cbamledger.signer.TilePath;
import org.junit.jupiter.api.Test;

class TileCacheTest {
    private static TileNodes fullTile(int seed) {
        byte[] bottom = new byte[TilePath.FULL_WIDTH * Merkle.HASH_BYTES];
        bottom[0] = (byte) seed;
        return new TileNodes(bottom);
    }

    private static TileCache.Key key(long index) {
        return new TileCache.Key("log", 0, index, TilePath.FULL_WIDTH);
    }

    @Test
    void fullTile_holdsItsHashesAndEveryInnerNode() {
        // 256 + 128 + ... + 2 hashes of 32 bytes
        assertEquals(510L * Merkle.HASH_BYTES, fullTile(1).sizeBytes());
    }

    @Test
    void cache_staysWithinItsBytes_droppingTheLeastRecentlyUsed() {
        long tileBytes = fullTile(0).sizeBytes();
        TileCache cache = new TileCache(4 * tileBytes);
        TileNodes first = fullTile(1);
        cache.put(key(1), first);
        cache.put(key(2), fullTile(2));
        cache.put(key(3), fullTile(3));
        cache.put(key(4), fullTile(4));
        assertSame(first, cache.get(key(1))); // now the most recently used
        cache.put(key(5), fullTile(5)); // over the budget: down to seven eighths of it, the oldest first
        assertEquals(3, cache.size());
        assertTrue(cache.heldBytes() <= 4 * tileBytes - 4 * tileBytes / 8);
        assertNull(cache.get(key(2)), "the least recently used tile is dropped");
        assertNull(cache.get(key(3)));
        assertSame(first, cache.get(key(1)));
        assertNotNull(cache.get(key(4)));
        assertNotNull(cache.get(key(5)));
    }

    @Test
    void sameTileTwice_isHeldOnce() {
        TileCache cache = new TileCache(10 * fullTile(0).sizeBytes());
        cache.put(key(1), fullTile(1));
        cache.put(key(1), fullTile(1));
        assertEquals(1, cache.size());
        assertEquals(fullTile(1).sizeBytes(), cache.heldBytes());
    }

    @Test
    void cacheOfNoBytes_holdsNothing() {
        TileCache cache = new TileCache(0);
        cache.put(key(1), fullTile(1));
        assertNull(cache.get(key(1)));
        assertEquals(0, cache.heldBytes());
    }

    @Test
    void tilesOfOneLogAndWidth_areKeptApartFromOthers() {
        TileCache cache = new TileCache(10 * fullTile(0).sizeBytes());
        cache.put(key(1), fullTile(1));
        assertNull(cache.get(new TileCache.Key("other-log", 0, 1, TilePath.FULL_WIDTH)));
        assertNull(cache.get(new TileCache.Key("log", 0, 1, 17)));
        assertNull(cache.get(new TileCache.Key("log", 1, 1, TilePath.FULL_WIDTH)));
    }
}
