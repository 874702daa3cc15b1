package org.cbamledger.service.auth;

import java.util.Set;

/** The bearer of a verified token and the scopes it grants. */
public record Principal(String subject, Set<String> scopes) {

    public Principal {
        scopes = Set.copyOf(scopes);
    }

    /** Global {@code admin} grants everything; {@code log:<id>:admin} grants every scope of that log. */
    public boolean has(String scope) {
        if (scopes.contains(Scopes.ADMIN) || scopes.contains(scope)) {
            return true;
        }
        String logId = Scopes.logIdOf(scope);
        return logId != null && scopes.contains(Scopes.logAdmin(logId));
    }

    public void require(String scope) throws AuthException {
        if (!has(scope)) {
            throw new AuthException(403, "token of " + subject + " lacks scope " + scope);
        }
    }
}
