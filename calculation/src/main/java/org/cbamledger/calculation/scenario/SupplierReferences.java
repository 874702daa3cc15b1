package org.cbamledger.calculation.scenario;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves the {@code supplier} cell of purchases and supplier statements: the supplier's name and country are
 * written once, in parties.csv, and copied into the records (whose schemas carry {@code supplierName} and
 * {@code countryOfOrigin}). Rows that still spell the supplier out (the columns before the {@code supplier}
 * column existed) load as before, with one deprecation per file.
 */
final class SupplierReferences {
    static final String COLUMN = "supplier";
    private static final List<String> LEGACY = List.of("supplierName", "countryOfOrigin");

    private final Map<String, Party> parties;
    private final Set<String> deprecations = new LinkedHashSet<>();

    SupplierReferences(Map<String, Party> parties) {
        this.parties = parties;
    }

    /** Replaces each record's {@code supplier} member by the party's name and country (an own countryOfOrigin wins). */
    void resolve(List<ScenarioRecord> records, String fileName) throws ScenarioException {
        for (ScenarioRecord record : records) {
            ObjectNode r = record.record();
            if (r.has(COLUMN)) {
                resolve(record, r);
            } else {
                requireLegacy(record, r, fileName);
            }
        }
    }

    /** One line per file that names suppliers the old way; empty for scenarios in the current format. */
    List<String> deprecations() {
        return List.copyOf(deprecations);
    }

    private void resolve(ScenarioRecord record, ObjectNode r) throws ScenarioException {
        String partyId = r.get(COLUMN).asString();
        Party party = parties.get(partyId);
        if (party == null) {
            throw new ScenarioException(record.source() + ", column " + COLUMN + ": party " + partyId + " is not in parties.csv");
        }
        if (r.has("supplierName")) {
            throw new ScenarioException(record.source() + ", column supplierName: the name of party " + partyId
                    + " comes from parties.csv; leave supplierName empty or drop the column");
        }
        String country = r.has("countryOfOrigin") ? r.get("countryOfOrigin").asString() : party.country();
        ObjectNode resolved = r.objectNode();
        for (Map.Entry<String, tools.jackson.databind.JsonNode> member : r.properties()) {
            switch (member.getKey()) {
                case COLUMN -> {
                    resolved.put("supplierName", party.name());
                    resolved.put("countryOfOrigin", country);
                }
                case "countryOfOrigin" -> { }
                default -> resolved.set(member.getKey(), member.getValue());
            }
        }
        r.removeAll();
        r.setAll(resolved);
    }

    private void requireLegacy(ScenarioRecord record, ObjectNode r, String fileName) throws ScenarioException {
        for (String column : LEGACY) {
            if (!r.has(column)) {
                throw new ScenarioException(record.source() + ", column " + COLUMN
                        + ": missing value (the supplier's partyId in parties.csv)");
            }
        }
        deprecations.add(fileName + ": the columns supplierName and countryOfOrigin are deprecated; name the supplier's"
                + " partyId in a supplier column (its name and country come from parties.csv)");
    }
}
