package org.cbamledger.service.web;

import org.cbamledger.service.http.UiSession;
import java.util.List;

/** The small pages around the readiness view: login, the list of readable logs, and errors. */
final class UiPages {
    private UiPages() {}

    static String login(String next, String message) {
        Html h = new Html();
        h.element("h1", "cbam-ledger: sign in");
        h.element("p", "Paste a bearer token with the read scope of a log (log:<logId>:read). It is kept in an"
                + " HttpOnly cookie for this browser session and sent only with page and evidence reads.");
        if (message != null) {
            h.element("p", message, "class", "problems", "id", "login-error");
        }
        h.open("form", "method", "post", "action", UiSession.LOGIN_PATH, "id", "login");
        h.open("input", "type", "hidden", "name", "next", "value", UiSession.safeNext(next));
        h.open("label", "for", "token").text("Token").close("label").open("br");
        h.open("textarea", "name", "token", "id", "token", "rows", "4", "cols", "80", "required", "required",
                "autocomplete", "off").close("textarea").open("br");
        h.element("button", "Sign in", "type", "submit", "id", "sign-in");
        h.close("form");
        return PageLayout.document("Sign in", h.toString());
    }

    static String logs(List<String> logIds) {
        Html h = new Html();
        h.open("header");
        h.open("form", "method", "post", "action", UiSession.LOGOUT_PATH).element("button", "Log out", "type", "submit")
                .close("form");
        h.element("h1", "Logs you can read");
        h.close("header");
        if (logIds.isEmpty()) {
            h.element("p", "This token reads no log.", "class", "empty");
        }
        h.open("ul", "class", "logs");
        for (String logId : logIds) {
            h.open("li").link("/ui/logs/" + logId, logId).close("li");
        }
        h.close("ul");
        return PageLayout.document("Logs", h.toString());
    }

    static String error(int status, String title, String detail) {
        Html h = new Html();
        h.element("h1", status + " " + title, "class", "error", "data-status", Integer.toString(status));
        h.element("p", detail, "class", "problems");
        h.open("p").link("/ui/logs", "Logs you can read").text(" · ").link(UiSession.LOGIN_PATH, "Sign in with another token")
                .close("p");
        return PageLayout.document(status + " " + title, h.toString());
    }
}
