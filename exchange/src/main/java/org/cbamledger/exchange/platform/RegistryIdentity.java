package org.cbamledger.exchange.platform;

import java.util.Optional;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.JsonNode;

/**
 * What the ledger's {@code installation} and operator {@code party} records say about registration and place, for
 * exports that ask more than a statement carries: the O3CI operator and installation ids (EU CBAM registry of
 * operators and installations in third countries) and the installation's address. Each is absent where the records
 * do not give it; the address needs at least a city.
 */
public record RegistryIdentity(Optional<String> operatorO3ciId, Optional<String> installationO3ciId, Optional<String> street,
        Optional<String> postCode, Optional<String> city) {
    public static final RegistryIdentity NONE = new RegistryIdentity(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** From the installation record and its operator's party record (either may be null: nothing known). */
    public static RegistryIdentity of(JsonNode installation, JsonNode operatorParty) {
        JsonNode inst = kind(installation, Kinds.INSTALLATION);
        JsonNode party = kind(operatorParty, Kinds.PARTY);
        return new RegistryIdentity(text(party, "o3ciOperatorId"), text(inst, "o3ciInstallationId"), text(inst, "address"),
                text(inst, "postCode"), text(inst, "city"));
    }

    private static JsonNode kind(JsonNode record, String kind) {
        if (record != null && !kind.equals(record.path("kind").asString(""))) {
            throw new IllegalArgumentException("expected a " + kind + " record, got " + record.path("kind").asString("none"));
        }
        return record;
    }

    private static Optional<String> text(JsonNode record, String member) {
        return record == null || !record.path(member).isString() ? Optional.empty() : Optional.of(record.get(member).asString());
    }
}
