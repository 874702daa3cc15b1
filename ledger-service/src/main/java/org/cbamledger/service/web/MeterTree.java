package org.cbamledger.service.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.spec.Kinds;

/**
 * The installation's meter hierarchy (seed 004: which meters support which process), from its {@code meter} and
 * {@code meter-role} entries: parent by {@code parentMeterId} (the role's, else the meter's), each node with its
 * role, line and the entries that define it.
 */
final class MeterTree {
    private record Node(String meterId, String role, String lineId, String parentMeterId, String description,
            List<EvidenceRecord> entries) {}

    private MeterTree() {}

    static void render(Html h, EvidenceIndex index, String installationId, EvidenceLinks links) {
        Map<String, Node> nodes = nodes(index, installationId);
        if (nodes.isEmpty()) {
            h.element("p", "No meter or meter-role entries for this installation: no meter hierarchy.", "class", "empty meter-tree");
            return;
        }
        Set<String> shown = new HashSet<>();
        h.open("ul", "class", "meter-tree", "data-installation", installationId);
        for (Node node : nodes.values()) {
            if (node.parentMeterId().isEmpty() || !nodes.containsKey(node.parentMeterId())) {
                branch(h, node, nodes, shown, links);
            }
        }
        for (Node node : nodes.values()) {
            if (!shown.contains(node.meterId())) {
                // a parent cycle: show the rest flat rather than hide meters
                branch(h, node, nodes, shown, links);
            }
        }
        h.close("ul");
    }

    private static void branch(Html h, Node node, Map<String, Node> nodes, Set<String> shown, EvidenceLinks links) {
        if (!shown.add(node.meterId())) {
            return;
        }
        h.open("li", "class", "meter", "data-meter-id", node.meterId(), "data-parent-meter-id",
                node.parentMeterId().isEmpty() ? null : node.parentMeterId(), "data-role", node.role());
        h.element("span", node.meterId(), "class", "meter-id");
        h.element("span", node.role().isEmpty() ? "no role" : node.role(), "class", "role");
        if (!node.lineId().isEmpty()) {
            h.element("span", "line " + node.lineId(), "class", "line");
        }
        if (!node.description().isEmpty()) {
            h.element("span", node.description(), "class", "description");
        }
        h.text(" ");
        EntryLinks.entries(h, links, node.entries().stream().map(EvidenceRecord::leafIndex).toList(),
                i -> node.entries().stream().filter(e -> e.leafIndex() == i).findFirst().map(EvidenceRecord::kind).orElse(""));
        List<Node> children = nodes.values().stream().filter(n -> n.parentMeterId().equals(node.meterId())).toList();
        if (!children.isEmpty()) {
            h.open("ul");
            children.forEach(child -> branch(h, child, nodes, shown, links));
            h.close("ul");
        }
        h.close("li");
    }

    private static Map<String, Node> nodes(EvidenceIndex index, String installationId) {
        Map<String, List<EvidenceRecord>> byMeter = new LinkedHashMap<>();
        for (String kind : List.of(Kinds.METER_ROLE, Kinds.METER)) {
            for (EvidenceRecord r : index.ofKind(kind)) {
                if (EvidenceIndex.text(r.record(), "/installationId").equals(installationId)) {
                    byMeter.computeIfAbsent(EvidenceIndex.text(r.record(), "/meterId"), k -> new ArrayList<>()).add(r);
                }
            }
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        byMeter.forEach((meterId, entries) -> {
            String role = "";
            String line = "";
            String parent = "";
            String description = "";
            for (EvidenceRecord r : entries) {
                role = role.isEmpty() ? EvidenceIndex.text(r.record(), "/role") : role;
                line = line.isEmpty() ? EvidenceIndex.text(r.record(), "/lineId") : line;
                parent = parent.isEmpty() ? EvidenceIndex.text(r.record(), "/parentMeterId") : parent;
                description = description.isEmpty() ? EvidenceIndex.text(r.record(), "/description") : description;
            }
            List<EvidenceRecord> sorted = new ArrayList<>(entries);
            sorted.sort(java.util.Comparator.comparingLong(EvidenceRecord::leafIndex));
            nodes.put(meterId, new Node(meterId, role, line, parent.equals(meterId) ? "" : parent, description, sorted));
        });
        return nodes;
    }
}
