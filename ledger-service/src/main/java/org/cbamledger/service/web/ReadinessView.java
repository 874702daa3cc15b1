package org.cbamledger.service.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.statement.StoredStatement;

/**
 * What the readiness page shows, computed once from a set of entries and statements: the rows, their evidence
 * statuses and the calculation module's assessment of each. It depends on nothing else, so a caller may keep it for
 * as long as the entries and statements stay the same (a log's entries below a checkpoint never change).
 */
public final class ReadinessView {
    private final EvidenceIndex index;
    private final Map<ReadinessSubject, List<EvidenceStatus>> statuses = new LinkedHashMap<>();
    private final Map<ReadinessSubject, SubjectAssessment> assessments = new LinkedHashMap<>();

    private ReadinessView(EvidenceIndex index, List<ReadinessSubject> subjects) {
        this.index = index;
        for (ReadinessSubject subject : subjects) {
            statuses.put(subject, EvidenceStatus.of(subject, index));
            if (subject.request().isPresent()) {
                assessments.put(subject, SubjectAssessment.of(subject, index));
            }
        }
    }

    public static ReadinessView of(List<StoredEntry> entries, List<StoredStatement> statements) {
        EvidenceIndex index = EvidenceIndex.of(entries);
        return new ReadinessView(index, ReadinessSubjects.of(index, statements));
    }

    EvidenceIndex index() {
        return index;
    }

    Map<ReadinessSubject, List<EvidenceStatus>> statuses() {
        return statuses;
    }

    Map<ReadinessSubject, SubjectAssessment> assessments() {
        return assessments;
    }
}
