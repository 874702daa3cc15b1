package org.cbamledger.service.room;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;
import org.cbamledger.service.log.StoredEntry;
import org.cbamledger.service.statement.StoredStatement;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides which entries, statements and documents of a log a room exposes (issue 7: exactly those in its scope,
 * nothing else). Field rules take the records of the room's installation, period and CN codes; reference rules
 * then take what those records and the covered calculations and statements rely on (inputs, evidence, readings of
 * its meters, contracts' generation and GOs, supplier statements, factors, corrections, documents) and what a
 * verifier needs to check every signature offline (the key-registration chain down to the root, revocations, the
 * parties named), repeated until nothing changes ({@link ScopeFixedPoint}). Everything else, the access log
 * included, stays out. The log is walked once.
 */
public final class RoomScope {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A log's entries below a tree size, in index order; the engine walks them once and keeps what it needs. */
    @FunctionalInterface
    public interface EntryScan {
        void forEach(Consumer<StoredEntry> each) throws SQLException;
    }

    private RoomScope() {}

    public static RoomSelection select(RoomDefinition room, EntryScan entries, List<StoredStatement> statements)
            throws SQLException {
        List<ScopeEntry> all = new ArrayList<>();
        entries.forEach(stored -> all.add(ScopeEntry.of(room, stored)));
        List<StoredStatement> covered = new ArrayList<>();
        List<ScopeStatement> coveredJson = new ArrayList<>();
        for (StoredStatement statement : statements) {
            JsonNode json = statementJson(statement);
            if (json != null && covers(room, json)) {
                covered.add(statement);
                coveredJson.add(new ScopeStatement(statement.statementId(), statement.keyId(), json));
            }
        }
        SortedMap<Long, String> reasons = new ScopeFixedPoint(room, all).close(coveredJson);
        return new RoomSelection(reasons, covered, documents(all, reasons));
    }

    /**
     * True when a statement or calculation (its JSON: installation.installationId, period.from/to, cnCode) falls in
     * the room: the room's installation, a period inside the room's, one of its CN codes.
     */
    public static boolean covers(RoomDefinition room, JsonNode statementOrCalculation) {
        String installationId = ScopeFields.text(statementOrCalculation, "/installation/installationId");
        LocalDate from = ScopeFields.date(statementOrCalculation, "/period/from");
        LocalDate to = ScopeFields.date(statementOrCalculation, "/period/to");
        String cnCode = ScopeFields.text(statementOrCalculation, "/cnCode");
        return room.installationId().equals(installationId) && from != null && to != null && !to.isBefore(from)
                && room.contains(from, to) && ScopeFields.coversCnCode(room, cnCode);
    }

    /** The documents anchored by entries in the room, less those the log records as erased. */
    private static Set<String> documents(List<ScopeEntry> all, Map<Long, String> reasons) {
        Set<String> anchored = new LinkedHashSet<>();
        Set<String> erased = new LinkedHashSet<>();
        for (ScopeEntry entry : all) {
            String sha256 = entry.text("/sha256");
            if (sha256 == null) {
                continue;
            }
            if (entry.kind().equals("document-anchor") && reasons.containsKey(entry.index())) {
                anchored.add(sha256);
            } else if (entry.kind().equals("document-erasure")) {
                erased.add(sha256);
            }
        }
        anchored.removeAll(erased);
        return anchored;
    }

    private static JsonNode statementJson(StoredStatement statement) {
        try {
            JsonNode json = JSON.readTree(statement.statementJson());
            return json.isObject() ? json : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
