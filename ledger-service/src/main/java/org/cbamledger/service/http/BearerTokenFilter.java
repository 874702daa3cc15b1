package org.cbamledger.service.http;

import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import java.net.URI;
import java.util.regex.Pattern;
import org.cbamledger.service.auth.AuthException;
import org.cbamledger.service.auth.Principal;
import org.cbamledger.service.auth.TokenAuthority;

/**
 * Every endpoint but health, checkpoints, tiles, the JWKS and the web view's login and logout needs a bearer token;
 * scopes are checked per route. The token comes from the {@code Authorization} header, or, for GET and HEAD only,
 * from the web view's session cookie: a cookie the browser attaches by itself never authorises a state change (CSRF).
 * A browser without a valid token is sent to the login page from the view's own pages, not given JSON.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class BearerTokenFilter {
    static final String PRINCIPAL = "cbam.principal";
    private static final Pattern PUBLIC = Pattern.compile(
            "/health|/\\.well-known/jwks\\.json|/logs/[^/]+/(checkpoint|tile/.*)|/ui/login|/ui/logout");
    private static final Pattern UI = Pattern.compile("/ui(/.*)?");

    private final TokenAuthority tokens;

    BearerTokenFilter(TokenAuthority tokens) {
        this.tokens = tokens;
    }

    // memory and CPU only (a token is verified once, then cached): on the event loop, no hop to a blocking thread
    @RequestFilter
    @NonBlocking
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (PUBLIC.matcher(request.getPath()).matches()) {
            return null;
        }
        boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
        boolean page = read && UI.matcher(request.getPath()).matches();
        String header = request.getHeaders().getAuthorization().orElse(null);
        String token;
        if (header != null) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Problems.of(new AuthException(401, "a bearer token is required"));
            }
            token = header.substring(7).trim();
        } else if (read) {
            token = request.getCookies().findCookie(UiSession.COOKIE).map(Cookie::getValue).orElse(null);
        } else {
            token = null;
        }
        if (token == null || token.isEmpty()) {
            return page ? toLogin(request) : Problems.of(new AuthException(401, "a bearer token is required"));
        }
        try {
            Principal principal = tokens.verify(token);
            request.setAttribute(PRINCIPAL, principal);
            return null;
        } catch (AuthException e) {
            return page ? toLogin(request) : Problems.of(e);
        }
    }

    private static HttpResponse<?> toLogin(HttpRequest<?> request) {
        URI uri = request.getUri();
        String back = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return HttpResponse.seeOther(URI.create(UiSession.loginRedirect(back)));
    }

    public static Principal principal(HttpRequest<?> request) throws AuthException {
        return request.getAttribute(PRINCIPAL, Principal.class)
                .orElseThrow(() -> new AuthException(401, "a bearer token is required"));
    }
}
