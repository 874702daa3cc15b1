package org.cbamledger.service.room.scope;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/** Reads record fields for the scope rules; a missing or malformed field reads as absent, which keeps an entry out. */
final class ScopeFields {
    /** The rules' pointers, compiled once: compiling one per read took a sixth of the CPU of a room of 184k entries. */
    private static final Map<String, JsonPointer> POINTERS = new ConcurrentHashMap<>();

    private ScopeFields() {}

    /** The node at a JSON pointer; missing when absent. The pointers are the code's constants, a bounded set. */
    static JsonNode at(JsonNode record, String pointer) {
        return record.at(POINTERS.computeIfAbsent(pointer, JsonPointer::compile));
    }

    /** The string at a JSON pointer ({@code /asset/assetId}), or null. */
    static String text(JsonNode record, String pointer) {
        JsonNode node = at(record, pointer);
        return node.isString() ? node.stringValue() : null;
    }

    static LocalDate date(JsonNode record, String pointer) {
        String text = text(record, pointer);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static YearMonth month(JsonNode record, String pointer) {
        String text = text(record, pointer);
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A CN code without the spaces people write it with ({@code 7604 10 90} is {@code 76041090}). */
    static String cnCode(String code) {
        return code == null ? null : code.replace(" ", "");
    }

    /** True when the room lists the code, however either side spaces it. */
    static boolean coversCnCode(RoomDefinition room, String code) {
        String digits = cnCode(code);
        return digits != null && room.cnCodes().stream().anyMatch(c -> cnCode(c).equals(digits));
    }

    /** The strings of an array of objects at {@code arrayPointer}, member {@code member}; absent ones skipped. */
    static List<String> each(JsonNode record, String arrayPointer, String member) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : at(record, arrayPointer).values()) {
            JsonNode value = member.isEmpty() ? item : item.path(member);
            if (value.isString()) {
                values.add(value.stringValue());
            }
        }
        return values;
    }
}
