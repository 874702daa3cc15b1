package org.cbamledger.service.room;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * Applies the scope rules until nothing changes: each round judges every entry still outside against what the
 * room holds, then takes in what the newly taken entries bring with them (a calculation's listed inputs, the entry
 * a correction supersedes) and extends the context by all of them. An entry keeps the reason it was first taken
 * for.
 */
final class ScopeFixedPoint {
    private final RoomDefinition room;
    private final List<ScopeEntry> all;
    private final Map<Long, ScopeEntry> byIndex = new HashMap<>();
    private final Map<String, Long> indexByLeafHash = new HashMap<>();
    private final SortedMap<Long, String> reasons = new TreeMap<>();
    /** Taken, not yet in the context. */
    private final Deque<ScopeEntry> pending = new ArrayDeque<>();

    ScopeFixedPoint(RoomDefinition room, List<ScopeEntry> all) {
        this.room = room;
        this.all = all;
        for (ScopeEntry entry : all) {
            byIndex.put(entry.index(), entry);
            indexByLeafHash.putIfAbsent(entry.leafHashHex(), entry.index());
        }
    }

    /** The reasons by leaf index, given the statements the room covers. */
    SortedMap<Long, String> close(List<ScopeStatement> coveredStatements) {
        ScopeContext context = new ScopeContext(room, all, coveredStatements);
        ScopeEntry first = byIndex.get(0L);
        if (first != null && first.entryKind().equals(Kinds.PARTY)) {
            take(first, "party of the log operator");
        }
        for (ScopeStatement statement : coveredStatements) {
            takeListed(statement.json(), "/evidence/entries", "evidence of statement " + statement.statementId());
        }
        List<ScopeEntry> outside = new ArrayList<>(all);
        boolean took;
        do {
            while (!pending.isEmpty()) {
                ScopeEntry entry = pending.poll();
                context.take(entry);
                bringAlong(entry);
            }
            outside.removeIf(e -> reasons.containsKey(e.index()));
            ScopeRules rules = new ScopeRules(room, context, indexByLeafHash);
            took = false;
            for (ScopeEntry entry : outside) {
                String why = rules.reason(entry);
                if (why != null) {
                    took |= take(entry, why);
                }
            }
        } while (took);
        return reasons;
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
    private void bringAlong(ScopeEntry entry) {
        if (entry.kind().equals(Kinds.CALCULATION) && !entry.isCorrection()) {
            takeListed(entry.record(), "/inputs", "input of calculation " + entry.text("/calculationId"));
        }
        if (entry.isCorrection() && entry.supersedesLeafHash() != null) {
            Long superseded = indexByLeafHash.get(entry.supersedesLeafHash());
            if (superseded != null) {
                take(byIndex.get(superseded), "superseded by the correction at leaf " + entry.index());
            }
        }
    }

    /** Entries listed as {@code {leafIndex, leafHash}}: taken only when the hash is that of the entry at the index. */
    private void takeListed(JsonNode record, String arrayPointer, String why) {
        for (JsonNode item : record.at(arrayPointer).values()) {
            JsonNode index = item.path("leafIndex");
            ScopeEntry listed = index.canConvertToLong() ? byIndex.get(index.asLong()) : null;
            if (listed != null && listed.leafHashHex().equals(ScopeFields.text(item, "/leafHash"))) {
                take(listed, why);
            }
        }
    }
}
