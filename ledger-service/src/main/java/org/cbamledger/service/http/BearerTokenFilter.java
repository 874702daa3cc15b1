package org.cbamledger.service.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.regex.Pattern;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Principal;
import org.cbamledger.service.auth.TokenAuthority;

/** Every endpoint but health, checkpoints, tiles and the JWKS needs a bearer token; scopes are checked per route. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class BearerTokenFilter {
    static final String PRINCIPAL = "cbam.principal";
    private static final Pattern PUBLIC = Pattern.compile("/health|/\\.well-known/jwks\\.json|/logs/[^/]+/(checkpoint|tile/.*)");

    private final TokenAuthority tokens;

    BearerTokenFilter(TokenAuthority tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (PUBLIC.matcher(request.getPath()).matches()) {
            return null;
        }
        String header = request.getHeaders().getAuthorization().orElse(null);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Problems.of(new AuthException(401, "a bearer token is required"));
        }
        try {
            Principal principal = tokens.verify(header.substring(7).trim());
            request.setAttribute(PRINCIPAL, principal);
            return null;
        } catch (AuthException e) {
            return Problems.of(e);
        }
    }

    public static Principal principal(HttpRequest<?> request) throws AuthException {
        return request.getAttribute(PRINCIPAL, Principal.class)
                .orElseThrow(() -> new AuthException(401, "a bearer token is required"));
    }
}
