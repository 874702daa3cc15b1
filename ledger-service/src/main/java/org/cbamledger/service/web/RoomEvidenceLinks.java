package org.cbamledger.service.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Links into a data room's routes (CONTRACTS.md, data rooms): an entry is {@code GET /rooms/{roomId}/entries/{index}},
 * which answers the entry with its inclusion proof against the room's checkpoint, so the proof link is the same
 * route; statements are {@code GET /rooms/{roomId}/statements/{id}}; this view is {@code GET /ui/rooms/{roomId}}.
 */
public record RoomEvidenceLinks(String roomId) implements EvidenceLinks {

    @Override
    public String entry(long leafIndex) {
        return base() + "/entries/" + leafIndex;
    }

    @Override
    public Optional<String> inclusionProof(long leafIndex) {
        return Optional.of(entry(leafIndex) + "#inclusionProof");
    }

    @Override
    public String statement(String statementId) {
        return base() + "/statements/" + encode(statementId);
    }

    @Override
    public String view(YearMonth month) {
        return "/ui/rooms/" + encode(roomId) + "?month=" + month;
    }

    private String base() {
        return "/rooms/" + encode(roomId);
    }

    /** The room id as it stands in a link's path. */
    static String segment(String roomId) {
        return encode(roomId);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
