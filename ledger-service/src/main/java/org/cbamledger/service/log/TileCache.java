package org.cbamledger.service.log;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hash tiles already read, within a byte budget, the least recently used dropped first. A tile of a given width
 * never changes (the tree only grows), so a cached tile is never stale.
 */
final class TileCache {
    record Key(String logId, int level, long index, int width) {}

    private final long capacityBytes;
    private final LinkedHashMap<Key, TileNodes> tiles = new LinkedHashMap<>(1024, 0.75f, true);
    private long heldBytes;

    TileCache(long capacityBytes) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("tile cache capacity " + capacityBytes + " bytes is negative");
        }
        this.capacityBytes = capacityBytes;
    }

    synchronized TileNodes get(Key key) {
        return tiles.get(key);
    }

    synchronized void put(Key key, TileNodes nodes) {
        if (nodes.sizeBytes() > capacityBytes) {
            return;
        }
        TileNodes old = tiles.put(key, nodes);
        heldBytes += nodes.sizeBytes() - (old == null ? 0 : old.sizeBytes());
        Iterator<Map.Entry<Key, TileNodes>> eldest = tiles.entrySet().iterator();
        while (heldBytes > capacityBytes) {
            heldBytes -= eldest.next().getValue().sizeBytes();
            eldest.remove();
        }
    }

    synchronized long heldBytes() {
        return heldBytes;
    }

    synchronized int size() {
        return tiles.size();
    }
}
