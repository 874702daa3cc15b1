package org.cbamledger.calculation.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads scenario.json strictly: unknown members are errors, every error names the member. */
final class ScenarioJson {
    private static final JsonMapper MAPPER = JsonMappers.EXACT_DECIMALS;

    private ScenarioJson() {}

    static JsonNode read(Path directory, String fileName) throws ScenarioException {
        Path file = directory.resolve(fileName);
        if (!Files.exists(file)) {
            throw new ScenarioException(fileName + ": missing; every scenario has one");
        }
        try {
            return MAPPER.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ScenarioException(fileName + ": not valid JSON" + at + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ScenarioException(fileName + ": cannot read: " + e.getMessage(), e);
        }
    }

    static void strictMembers(JsonNode node, String where, String... allowed) throws ScenarioException {
        List<String> names = List.of(allowed);
        for (String name : node.propertyNames()) {
            if (!names.contains(name)) {
                throw new ScenarioException(where + name + ": unknown member (allowed: " + String.join(", ", names) + ")");
            }
        }
    }

    static JsonNode object(JsonNode node, String member, String where) throws ScenarioException {
        JsonNode value = node.path(member);
        if (!value.isObject()) {
            throw new ScenarioException(where + member + ": missing or not an object");
        }
        return value;
    }

    static String string(JsonNode node, String member, String where) throws ScenarioException {
        JsonNode value = node.path(member);
        if (!value.isString() || value.asString().isBlank()) {
            throw new ScenarioException(where + member + ": missing or not a non-empty string");
        }
        return value.asString();
    }

    static LocalDate date(JsonNode node, String member, String where) throws ScenarioException {
        String text = string(node, member, where);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ScenarioException(where + member + ": '" + text + "' is not a date (YYYY-MM-DD)", e);
        }
    }
}
