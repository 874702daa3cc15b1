package org.cbamledger.service.web;

import java.util.ArrayList;
import java.util.List;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.spec.Kinds;

/**
 * Whether one category of evidence is there for a row: {@code PRESENT} (the entries), {@code MISSING} (needed and
 * absent) or {@code NOT_NEEDED} (e.g. settlements without a PPA, supplier statements without precursor purchases).
 */
record EvidenceStatus(EvidenceCategory category, State state, List<EvidenceRecord> entries, List<String> statementIds) {

    enum State {
        PRESENT("present"), MISSING("missing"), NOT_NEEDED("not needed");

        private final String label;

        State(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    EvidenceStatus {
        entries = List.copyOf(entries);
        statementIds = List.copyOf(statementIds);
    }

    /** The status of every category for a row. */
    static List<EvidenceStatus> of(ReadinessSubject subject, EvidenceIndex index) {
        List<EvidenceStatus> statuses = new ArrayList<>();
        boolean ppa = !index.of(subject.installationId(), subject.period(), EvidenceCategory.PPA_CONTRACT).isEmpty();
        boolean meters = index.of(subject.installationId(), subject.period(), EvidenceCategory.METERING).stream()
                .anyMatch(r -> r.kind().equals(Kinds.METER) || r.kind().equals(Kinds.METER_ROLE));
        boolean precursors = !index.ofKinds(subject.installationId(), subject.period(), List.of(Kinds.PRECURSOR_PURCHASE)).isEmpty()
                || index.of(subject.installationId(), subject.period(), EvidenceCategory.PRODUCTION).stream()
                        .anyMatch(r -> !r.record().path("precursors").isEmpty());
        for (EvidenceCategory category : EvidenceCategory.values()) {
            if (category == EvidenceCategory.STATEMENT) {
                statuses.add(new EvidenceStatus(category, subject.statementIds().isEmpty() ? State.MISSING : State.PRESENT,
                        List.of(), subject.statementIds()));
                continue;
            }
            List<EvidenceRecord> entries = category == EvidenceCategory.CALCULATION ? subject.calculations()
                    : index.of(subject.installationId(), subject.period(), category);
            boolean needed = switch (category) {
                case ALLOCATION_MODEL -> meters;
                case PPA_CONTRACT -> false;
                case SETTLEMENTS, GO_CANCELLATIONS, PRODUCER_DECLARATION -> ppa;
                case SUPPLIER_STATEMENTS -> precursors;
                default -> true;
            };
            State state = !entries.isEmpty() ? State.PRESENT : needed ? State.MISSING : State.NOT_NEEDED;
            statuses.add(new EvidenceStatus(category, state, entries, List.of()));
        }
        return statuses;
    }
}
