package org.cbamledger.verifier.bundle;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** bundle.json's {@code coverage} member: {@code {"kind":"range","from","to"}} or {@code {"kind":"room",...}}. */
final class CoverageCodec {
    private static final Set<String> RANGE_MEMBERS = Set.of("kind", "from", "to");
    private static final Set<String> ROOM_MEMBERS = Set.of("kind", "roomId", "installationId", "periodFrom", "periodTo");
    private static final String M = BundlePaths.MANIFEST + ": coverage ";

    private CoverageCodec() {}

    static void write(Coverage coverage, ObjectNode into) {
        switch (coverage) {
            case Coverage.Range r -> into.put("kind", "range").put("from", r.fromIndex()).put("to", r.toIndex());
            case Coverage.Room r -> into.put("kind", "room").put("roomId", r.roomId())
                    .put("installationId", r.installationId()).put("periodFrom", r.periodFrom().toString())
                    .put("periodTo", r.periodTo().toString());
        }
    }

    static Coverage parse(JsonNode node, long treeSize) throws BundleException {
        if (!node.isObject() || !node.path("kind").isString()) {
            throw new BundleException(M + "is not an object with a kind");
        }
        String kind = node.get("kind").stringValue();
        Set<String> members = new TreeSet<>(node.propertyNames());
        if (kind.equals("range") && members.equals(new TreeSet<>(RANGE_MEMBERS))) {
            long from = index(node.get("from"));
            long to = index(node.get("to"));
            if (from > to || to > treeSize) {
                throw new BundleException(M + "needs from <= to <= treeSize " + treeSize + ", got " + from + ", " + to);
            }
            return new Coverage.Range(from, to);
        }
        if (kind.equals("room") && members.equals(new TreeSet<>(ROOM_MEMBERS))) {
            LocalDate from = date(node.get("periodFrom"));
            LocalDate to = date(node.get("periodTo"));
            if (to.isBefore(from) || !node.get("roomId").isString() || !node.get("installationId").isString()) {
                throw new BundleException(M + "of a room needs string ids and periodFrom <= periodTo");
            }
            return new Coverage.Room(node.get("roomId").stringValue(), node.get("installationId").stringValue(), from, to);
        }
        throw new BundleException(M + "is neither {kind:range, from, to} nor {kind:room, roomId, installationId,"
                + " periodFrom, periodTo}: " + members);
    }

    private static long index(JsonNode value) throws BundleException {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new BundleException(M + "from/to is not a non-negative integer");
        }
        return value.longValue();
    }

    private static LocalDate date(JsonNode value) throws BundleException {
        try {
            return LocalDate.parse(value.isString() ? value.stringValue() : "");
        } catch (DateTimeParseException e) {
            throw new BundleException(M + "period is not YYYY-MM-DD dates");
        }
    }
}
