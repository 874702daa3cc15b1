package org.cbamledger.service.room;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A room granted to one party in one role with scopes; {@code revokedAt} is null while the grant holds. */
public record RoomGrant(String roomId, String partyId, GrantRole role, Set<GrantScope> scopes, String grantedBy,
        Instant grantedAt, Instant revokedAt) {

    public RoomGrant {
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    public boolean active() {
        return revokedAt == null;
    }

    public boolean allows(GrantScope scope) {
        return active() && scopes.contains(scope);
    }
}
