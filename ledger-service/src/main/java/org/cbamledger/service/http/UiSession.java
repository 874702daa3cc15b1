package org.cbamledger.service.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The browser session of the view: the bearer token in an HttpOnly, SameSite=Strict cookie on the whole service,
 * accepted for GET and HEAD only (BearerTokenFilter), so a cross-site form can never change state with it. It sits
 * with the filter that reads it, so that the HTTP edge does not depend on the web view (no package cycle).
 */
public final class UiSession {
    public static final String COOKIE = "cbam_token";
    public static final String LOGIN_PATH = "/ui/login";
    public static final String LOGOUT_PATH = "/ui/logout";

    private UiSession() {}

    public static String setCookie(String token) {
        return COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    }

    public static String clearCookie() {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
    }

    /** Where the login page sends an unauthenticated browser back to after login. */
    public static String loginRedirect(String pathAndQuery) {
        return LOGIN_PATH + "?next=" + URLEncoder.encode(pathAndQuery, StandardCharsets.UTF_8);
    }

    /** Only a path of the view itself: never another site (an open redirect) nor a JSON route. */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/ui/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith(LOGIN_PATH) || next.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return "/ui/logs";
        }
        return next;
    }
}
