package org.cbamledger.signer.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 256 sibling hashes of a key's path, root side first, compressed: {@code bitmap} (32 bytes) has bit d set
 * when the sibling at depth d+1 is not an empty subtree, and {@code siblings} holds only those, in depth order.
 * JSON: {@code {"key": hex, "bitmap": hex, "siblings": [base64, ...]}}.
 */
public record MapProof(MapKey key, byte[] bitmap, List<byte[]> siblings) {
    public MapProof {
        bitmap = bitmap.clone();
        siblings = List.copyOf(siblings);
    }

    static MapProof of(MapKey key, List<byte[]> allSiblings) {
        byte[] bitmap = new byte[MapHashes.HASH_BYTES];
        List<byte[]> kept = new ArrayList<>();
        for (int depth = 0; depth < MapHashes.DEPTH; depth++) {
            byte[] sibling = allSiblings.get(depth);
            if (!Arrays.equals(sibling, MapHashes.emptyHashShared(MapHashes.DEPTH - 1 - depth))) {
                bitmap[depth >>> 3] |= (byte) (1 << (7 - (depth & 7)));
                kept.add(sibling);
            }
        }
        return new MapProof(key, bitmap, kept);
    }

    @Override
    public byte[] bitmap() {
        return bitmap.clone();
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("key", key.hex());
        node.put("bitmap", HexFormat.of().formatHex(bitmap));
        var array = node.putArray("siblings");
        siblings.forEach(s -> array.add(Base64.getEncoder().encodeToString(s)));
        return node;
    }

    public static MapProof fromJson(JsonNode node) {
        List<byte[]> siblings = new ArrayList<>();
        for (JsonNode s : node.path("siblings")) {
            siblings.add(Base64.getDecoder().decode(s.asString()));
        }
        return new MapProof(MapKey.ofHex(node.path("key").asString()),
                HexFormat.of().parseHex(node.path("bitmap").asString()), siblings);
    }
}
