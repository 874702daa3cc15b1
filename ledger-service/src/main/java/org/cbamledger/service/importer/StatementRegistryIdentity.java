package org.cbamledger.service.importer;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.cbamledger.exchange.platform.RegistryIdentity;
import org.cbamledger.service.store.EntryStore;
import org.cbamledger.service.store.StoredEntry;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * The registry identity of a statement's installation for the Catena-X export: the {@code installation} record among
 * the statement's evidence, and the newest {@code party} record of that installation's operator in the log (an O3CI
 * id is an identity, not a figure: one registered after the statement still names the same operator).
 */
final class StatementRegistryIdentity {
    private final EntryStore entries;

    StatementRegistryIdentity(EntryStore entries) {
        this.entries = entries;
    }

    RegistryIdentity of(String logId, JsonNode statement) throws SQLException {
        JsonNode installation = null;
        for (JsonNode entry : statement.at("/evidence/entries")) {
            if (Kinds.INSTALLATION.equals(entry.path("kind").asString(""))) {
                Optional<StoredEntry> stored = entries.byIndex(logId, entry.path("leafIndex").asLong(-1));
                installation = stored.isPresent() ? record(stored.get()) : null;
            }
        }
        if (installation == null) {
            return RegistryIdentity.NONE;
        }
        String operator = installation.path("operator").asString("");
        JsonNode party = null;
        for (StoredEntry stored : entries.ofKinds(logId, Set.of(Kinds.PARTY), Long.MAX_VALUE)) {
            JsonNode candidate = record(stored);
            if (operator.equals(candidate.path("partyId").asString(""))) {
                party = candidate;
            }
        }
        return RegistryIdentity.of(installation, party);
    }

    private static JsonNode record(StoredEntry stored) {
        try {
            return Envelope.parse(stored.envelope()).record();
        } catch (SignerException e) { // the log took it only after parsing and validating it
            throw new IllegalStateException("entry " + stored.index() + " of the log does not parse: " + e.getMessage(), e);
        }
    }
}
