package org.cbamledger.service.web;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Where the view's links point: a log view links the log's own routes, a data room's view its room routes. Every
 * method returns a path of this service (absolute, starting with {@code /}).
 */
public interface EvidenceLinks {

    /** The entry at a leaf index (its envelope, leaf hash and index). */
    String entry(long leafIndex);

    /** The inclusion proof of the entry against the view's checkpoint; empty when no checkpoint covers it. */
    Optional<String> inclusionProof(long leafIndex);

    /** A stored emissions statement. */
    String statement(String statementId);

    /** This view, showing the hourly chart of {@code month}. */
    String view(YearMonth month);
}
