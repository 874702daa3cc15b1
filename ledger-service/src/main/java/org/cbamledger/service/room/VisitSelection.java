package org.cbamledger.service.room;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.service.room.scope.RoomSelection;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * The part of a room one visitor sees. Exporters and verifiers see the whole selection. An importer sees the
 * statements issued to it only (CONTRACTS.md), so from its view go the document anchors that support nothing
 * but statements issued to others (their PDFs), with those documents, and a reason naming such a statement
 * is reworded: the entry stays, as evidence the importer's own figures may share.
 */
public record VisitSelection(SortedMap<Long, String> reasons, Set<String> documentSha256s) {
    static final String STATEMENT_REF_PREFIX = "emissions-statement/";

    static VisitSelection of(RoomVisit visit, RoomSelection selection, RoomContents contents)
            throws SQLException, LedgerException {
        if (visit.importerParties().isEmpty()) {
            return new VisitSelection(selection.reasons(), selection.documentSha256s());
        }
        Set<String> hiddenStatements = new HashSet<>();
        for (StoredStatement s : selection.statements()) {
            if (!visit.mayRead(RoomBodies.JSON.readTree(s.statementJson()))) {
                hiddenStatements.add(s.statementId());
            }
        }
        if (hiddenStatements.isEmpty()) {
            return new VisitSelection(selection.reasons(), selection.documentSha256s());
        }
        SortedMap<Long, String> reasons = new TreeMap<>();
        selection.reasons().forEach((index, reason) -> reasons.put(index,
                namesAny(reason, hiddenStatements) ? "evidence of a statement the room covers" : reason));
        Set<String> documents = new HashSet<>(selection.documentSha256s());
        contents.read(visit.room().logId(), selection.ofKind(Kinds.DOCUMENT_ANCHOR), e -> {
            JsonNode anchor = record(e);
            if (supportsOnly(anchor, hiddenStatements)) {
                documents.remove(anchor.path("sha256").asString());
                reasons.remove(e.index());
            }
            return true;
        });
        return new VisitSelection(reasons, documents);
    }

    public boolean contains(long index) {
        return reasons.containsKey(index);
    }

    public SortedSet<Long> indexes() {
        return new TreeSet<>(reasons.keySet());
    }

    /** True when every item the anchor supports is a statement in {@code statementIds}. */
    private static boolean supportsOnly(JsonNode anchor, Set<String> statementIds) {
        JsonNode supports = anchor.path("supports");
        if (supports.isEmpty()) {
            return false;
        }
        for (JsonNode support : supports.values()) {
            String ref = support.path("recordRef").asString("");
            if (!ref.startsWith(STATEMENT_REF_PREFIX) || !statementIds.contains(ref.substring(STATEMENT_REF_PREFIX.length()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean namesAny(String reason, Set<String> statementIds) {
        for (String id : statementIds) {
            if (reason.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode record(StoredEntry e) throws SQLException {
        try {
            return Envelope.parse(e.envelope()).record();
        } catch (SignerException ex) {
            throw new SQLException("entry " + e.index() + " does not parse: " + ex.getMessage(), ex);
        }
    }
}
