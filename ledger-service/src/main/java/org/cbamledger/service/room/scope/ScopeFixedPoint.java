package org.cbamledger.service.room.scope;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * Applies the scope rules until nothing changes: each round judges, in index order and against what the room holds,
 * the entries outside it that the room's newly wanted keys find ({@link ScopeKeys}) and those under
 * {@link ScopeKeys#ALWAYS}, then takes in what the newly taken entries bring with them (a calculation's listed
 * inputs, the entry a correction supersedes) and extends the context by all of them. An entry keeps the reason it
 * was first taken for. An entry a key found and the rules left out is not judged again until another of its keys is
 * wanted: its rule reads that key's value and its own fields, which do not change.
 */
final class ScopeFixedPoint {
    private final RoomDefinition room;
    private final ScopeSource log;
    private final SortedMap<Long, String> reasons = new TreeMap<>();
    /** Taken, not yet in the context. */
    private final Deque<ScopeEntry> pending = new ArrayDeque<>();
    private final List<ScopeEntry> taken = new ArrayList<>();
    private final List<Long> readingsTaken = new ArrayList<>();
    /** One reason string per meter for the readings taken in bulk. */
    private final Map<String, String> readingReasons = new HashMap<>();

    ScopeFixedPoint(RoomDefinition room, ScopeSource log) {
        this.room = room;
        this.log = log;
    }

    /** The reasons by leaf index, given the statements the room covers. */
    SortedMap<Long, String> close(List<ScopeStatement> coveredStatements) throws SQLException {
        ScopeContext context = new ScopeContext(room, coveredStatements);
        ScopeEntry first = log.at(0);
        if (first != null && first.entryKind().equals(Kinds.PARTY)) {
            take(first, "party of the log operator");
        }
        for (ScopeStatement statement : coveredStatements) {
            takeListed(statement.json(), "/evidence/entries", "evidence of statement " + statement.statementId());
        }
        Set<String> asked = new HashSet<>();
        SortedMap<Long, ScopeEntry> always = new TreeMap<>();
        boolean took;
        ScopeReadings readings = null;
        do {
            if (readings != null) {
                context.take(readings);
            }
            while (!pending.isEmpty()) {
                ScopeEntry entry = pending.poll();
                context.take(entry);
                taken.add(entry);
                bringAlong(entry);
            }
            Set<String> wanted = ScopeKeys.wanted(room, context);
            wanted.removeAll(asked);
            asked.addAll(wanted);
            readings = readings(wanted);
            Set<Long> found = log.under(wanted);
            found.removeAll(reasons.keySet());
            SortedMap<Long, ScopeEntry> outside = new TreeMap<>();
            for (ScopeEntry entry : log.at(found).values()) {
                if (ScopeKeys.always(entry)) {
                    always.put(entry.index(), entry);
                }
                outside.put(entry.index(), entry);
            }
            always.keySet().removeAll(reasons.keySet());
            outside.putAll(always);
            ScopeRules rules = new ScopeRules(room, context, log, reasons.keySet());
            took = false;
            // in index order, the readings among the others: a rule reads what the room holds so far
            int reading = 0;
            for (ScopeEntry entry : outside.values()) {
                for (; readings != null && reading < readings.indexes().length
                        && readings.indexes()[reading] < entry.index(); reading++) {
                    took |= takeReading(readings, reading);
                }
                String why = rules.reason(entry);
                if (why != null) {
                    took |= take(entry, why);
                }
            }
            for (; readings != null && reading < readings.indexes().length; reading++) {
                took |= takeReading(readings, reading);
            }
        } while (took);
        return reasons;
    }

    /**
     * The reading batches of the meters newly wanted, when the log finds them in bulk ({@link ScopeSource#readings}):
     * their meter keys are then taken out of {@code wanted}, under which only reading batches are found.
     */
    private ScopeReadings readings(Set<String> wanted) throws SQLException {
        Set<String> others = new HashSet<>(wanted);
        List<String> meters = ScopeKeys.takeMeters(others);
        ScopeReadings found = meters.isEmpty() ? null : log.readings(meters, room.periodFrom(), room.periodTo());
        if (found != null) {
            wanted.retainAll(others);
        }
        return found;
    }

    /** The reading at {@code position}, taken for the readings rule unless already in the room. */
    private boolean takeReading(ScopeReadings readings, int position) {
        long index = readings.indexes()[position];
        String meterId = readings.meterIds()[position];
        if (reasons.putIfAbsent(index, readingReasons.computeIfAbsent(meterId, ScopeRules::readingsReason)) != null) {
            return false;
        }
        readingsTaken.add(index);
        return true;
    }

    /** The reading batches taken in bulk, in the order taken (not in {@link #taken}). */
    List<Long> readingsTaken() {
        return readingsTaken;
    }

    /** Every entry taken, in the order taken. */
    List<ScopeEntry> taken() {
        return taken;
    }

    private boolean take(ScopeEntry entry, String why) {
        if (reasons.putIfAbsent(entry.index(), why) != null) {
            return false;
        }
        pending.add(entry);
        return true;
    }

    /**
     * What an entry in the room brings with it: a calculation its listed inputs, a correction the entry it
     * supersedes. A calculation with {@code inputsDigest} instead of {@code inputs} (more than 200 inputs) lists
     * nothing to follow: its inputs are what the field and reference rules select for the same installation,
     * period and CN code, which is how the engine chose them.
     */
    private void bringAlong(ScopeEntry entry) throws SQLException {
        if (entry.kind().equals(Kinds.CALCULATION) && !entry.isCorrection()) {
            takeListed(entry.record(), "/inputs", "input of calculation " + entry.text("/calculationId"));
        }
        if (entry.isCorrection() && entry.supersedesLeafHash() != null) {
            Long superseded = log.indexOfLeafHash(entry.supersedesLeafHash());
            if (superseded != null) {
                take(log.at(superseded), "superseded by the correction at leaf " + entry.index());
            }
        }
    }

    /** Entries listed as {@code {leafIndex, leafHash}}: taken only when the hash is that of the entry at the index. */
    private void takeListed(JsonNode record, String arrayPointer, String why) throws SQLException {
        List<JsonNode> items = new ArrayList<>();
        Set<Long> indexes = new HashSet<>();
        for (JsonNode item : ScopeFields.at(record, arrayPointer).values()) {
            JsonNode index = item.path("leafIndex");
            if (index.canConvertToLong()) {
                items.add(item);
                indexes.add(index.asLong());
            }
        }
        Map<Long, ScopeEntry> entries = log.at(indexes);
        for (JsonNode item : items) {
            ScopeEntry listed = entries.get(item.path("leafIndex").asLong());
            if (listed != null && listed.leafHashHex().equals(ScopeFields.text(item, "/leafHash"))) {
                take(listed, why);
            }
        }
    }
}
