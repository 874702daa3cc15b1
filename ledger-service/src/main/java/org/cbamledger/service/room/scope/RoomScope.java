package org.cbamledger.service.room.scope;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.signer.index.IndexKey;
import org.cbamledger.signer.index.IndexKeys;
import org.cbamledger.spec.Kinds;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import org.cbamledger.signer.JsonMappers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides which entries, statements and documents of a log a room exposes (issue 7: exactly those in its scope,
 * nothing else). Field rules take the records of the room's installation and period: every entry the log's index
 * lists under the room's scope keys ({@link #listed}: calculations of any CN code, inputs of a period reaching
 * beyond the room's), and production batches of its CN codes; reference rules
 * then take what those records and the covered calculations and statements rely on (inputs, evidence, readings of
 * its meters, contracts' generation and GOs, supplier statements, factors, corrections, documents) and what a
 * verifier needs to check every signature offline (the key-registration chain down to the root, revocations, the
 * parties named), repeated until nothing changes ({@link ScopeFixedPoint}). Everything else, the access log
 * included, stays out. Entries are looked up by key in the room index ({@link ScopeSource}), never walked.
 */
public final class RoomScope {
    private static final JsonMapper JSON = JsonMappers.PLAIN;

    private RoomScope() {}

    /** The room's selection from a log's entries below a tree size and the statements stored up to it. */
    public static RoomSelection select(RoomDefinition room, ScopeSource log, List<StoredStatement> statements)
            throws SQLException {
        List<StoredStatement> covered = new ArrayList<>();
        List<ScopeStatement> coveredJson = new ArrayList<>();
        for (StoredStatement statement : statements) {
            JsonNode json = statementJson(statement);
            if (json != null && covers(room, json)) {
                covered.add(statement);
                coveredJson.add(new ScopeStatement(statement.statementId(), statement.keyId(), json));
            }
        }
        ScopeFixedPoint fixedPoint = new ScopeFixedPoint(room, log);
        SortedMap<Long, String> reasons = fixedPoint.close(coveredJson);
        SortedMap<Long, ScopeEntry> taken = new TreeMap<>();
        fixedPoint.taken().forEach(e -> taken.put(e.index(), e));
        Map<Long, String> kinds = new HashMap<>();
        taken.values().forEach(e -> kinds.put(e.index(), e.entryKind()));
        fixedPoint.readingsTaken().forEach(i -> kinds.put(i, Kinds.METER_READING_BATCH));
        return new RoomSelection(reasons, kinds, covered, documents(log, taken.values()));
    }

    /**
     * True when a statement or calculation (its JSON: installation.installationId, period.from/to) is of the room's
     * installation and its period touches a month of the room's (issue 12: every calculation and statement of the
     * installation and period is in scope, whatever its CN code or however far its period reaches, so that a second
     * calculation cannot be hidden). The months are those of the log's index ({@link IndexKeys}).
     */
    public static boolean covers(RoomDefinition room, JsonNode statementOrCalculation) {
        String installationId = ScopeFields.text(statementOrCalculation, "/installation/installationId");
        LocalDate from = ScopeFields.date(statementOrCalculation, "/period/from");
        LocalDate to = ScopeFields.date(statementOrCalculation, "/period/to");
        return room.installationId().equals(installationId) && from != null && to != null && !to.isBefore(from)
                && !YearMonth.from(from).isAfter(YearMonth.from(room.periodTo()))
                && !YearMonth.from(to).isBefore(YearMonth.from(room.periodFrom()));
    }

    /**
     * True when the log's index lists the record under one of the room's scope keys (its installation, a kind of
     * {@link IndexKeys#ROOM_KINDS}, a month of its period): the room must hold it for its bundle to state room
     * coverage.
     */
    static boolean listed(RoomDefinition room, JsonNode record) {
        YearMonth first = YearMonth.from(room.periodFrom());
        YearMonth last = YearMonth.from(room.periodTo());
        for (IndexKey key : IndexKeys.of(record)) {
            if (key.installationId().equals(room.installationId()) && IndexKeys.ROOM_KINDS.contains(key.kind())
                    && !key.month().isBefore(first) && !key.month().isAfter(last)) {
                return true;
            }
        }
        return false;
    }

    /** The documents anchored by entries in the room, less those the log records as erased. */
    private static Set<String> documents(ScopeSource log, Collection<ScopeEntry> taken) throws SQLException {
        Set<String> anchored = new LinkedHashSet<>();
        for (ScopeEntry entry : taken) {
            String sha256 = entry.text("/sha256");
            if (sha256 != null && entry.kind().equals(Kinds.DOCUMENT_ANCHOR)) {
                anchored.add(sha256);
            }
        }
        for (ScopeEntry entry : log.at(log.under(anchored.stream().map(ScopeKeys::erasure).toList())).values()) {
            if (entry.kind().equals(Kinds.DOCUMENT_ERASURE)) {
                anchored.remove(entry.text("/sha256"));
            }
        }
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
