package org.cbamledger.service.tiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hash tiles already read, within a byte budget. A tile of a given width never changes (the tree only grows), so a
 * cached tile is never stale. Reads take no lock; when the budget is passed, the least recently used tiles are
 * dropped until an eighth of it is free again, so that the scan is paid once for many additions.
 */
final class TileCache {
    record Key(String logId, int level, long index, int width) {}

    private static final class Held {
        final TileNodes nodes;
        volatile long lastUsed;

        Held(TileNodes nodes, long lastUsed) {
            this.nodes = nodes;
            this.lastUsed = lastUsed;
        }
    }

    private final long capacityBytes;
    private final Map<Key, Held> tiles = new ConcurrentHashMap<>();
    private final AtomicLong heldBytes = new AtomicLong();
    private final AtomicLong uses = new AtomicLong();

    TileCache(long capacityBytes) {
        if (capacityBytes < 0) {
            throw new IllegalArgumentException("tile cache capacity " + capacityBytes + " bytes is negative");
        }
        this.capacityBytes = capacityBytes;
    }

    TileNodes get(Key key) {
        Held held = tiles.get(key);
        if (held == null) {
            return null;
        }
        held.lastUsed = uses.incrementAndGet();
        return held.nodes;
    }

    void put(Key key, TileNodes nodes) {
        if (nodes.sizeBytes() > capacityBytes) {
            return;
        }
        if (tiles.putIfAbsent(key, new Held(nodes, uses.incrementAndGet())) == null
                && heldBytes.addAndGet(nodes.sizeBytes()) > capacityBytes) {
            evict();
        }
    }

    private synchronized void evict() {
        if (heldBytes.get() <= capacityBytes) {
            return;
        }
        List<Map.Entry<Key, Held>> byUse = new ArrayList<>(tiles.entrySet());
        byUse.sort(Comparator.comparingLong(e -> e.getValue().lastUsed));
        for (Map.Entry<Key, Held> eldest : byUse) {
            if (heldBytes.get() <= capacityBytes - capacityBytes / 8) {
                return;
            }
            if (tiles.remove(eldest.getKey(), eldest.getValue())) {
                heldBytes.addAndGet(-eldest.getValue().nodes.sizeBytes());
            }
        }
    }

    long heldBytes() {
        return heldBytes.get();
    }

    int size() {
        return tiles.size();
    }
}
