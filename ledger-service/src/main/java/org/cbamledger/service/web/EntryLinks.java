package org.cbamledger.service.web;

import java.util.Collection;
import java.util.List;

/** How the view links a figure or a status to the entries behind it: each entry, and its inclusion proof. */
final class EntryLinks {
    static final int SHOWN = 5;

    private EntryLinks() {}

    /** {@code entry N (kind)} linking the entry, then {@code proof} linking its inclusion proof when one exists. */
    static void entry(Html h, EvidenceLinks links, long leafIndex, String kind) {
        h.open("span", "class", "evidence-ref", "data-leaf-index", Long.toString(leafIndex));
        h.link(links.entry(leafIndex), "entry " + leafIndex + (kind.isEmpty() ? "" : " (" + kind + ")"), "class", "evidence");
        h.text(" ");
        links.inclusionProof(leafIndex).ifPresentOrElse(
                proof -> h.link(proof, "proof", "class", "proof"),
                () -> h.element("span", "no checkpoint covers it yet", "class", "no-proof"));
        h.close("span");
    }

    /** The first {@value #SHOWN} entries, then how many more there are. */
    static void entries(Html h, EvidenceLinks links, Collection<Long> leafIndexes, java.util.function.LongFunction<String> kindOf) {
        List<Long> all = List.copyOf(leafIndexes);
        for (int i = 0; i < Math.min(SHOWN, all.size()); i++) {
            if (i > 0) {
                h.text(", ");
            }
            entry(h, links, all.get(i), kindOf.apply(all.get(i)));
        }
        if (all.size() > SHOWN) {
            h.element("span", " and " + (all.size() - SHOWN) + " more", "class", "more");
        }
    }
}
