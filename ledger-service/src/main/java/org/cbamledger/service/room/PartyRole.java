package org.cbamledger.service.room;

import java.util.LinkedHashSet;
import java.util.Set;
import org.cbamledger.service.auth.Principal;
import org.cbamledger.service.auth.Scopes;

/** A party a token speaks for, in a role: from its {@code importer:<partyId>} and {@code verifier:<partyId>} scopes. */
public record PartyRole(String partyId, GrantRole role) {

    public static Set<PartyRole> of(Principal principal) {
        Set<PartyRole> parties = new LinkedHashSet<>();
        for (String scope : principal.scopes()) {
            String importer = Scopes.importerPartyOf(scope);
            if (importer != null) {
                parties.add(new PartyRole(importer, GrantRole.IMPORTER));
            }
            String verifier = Scopes.verifierPartyOf(scope);
            if (verifier != null) {
                parties.add(new PartyRole(verifier, GrantRole.VERIFIER));
            }
        }
        return parties;
    }
}
