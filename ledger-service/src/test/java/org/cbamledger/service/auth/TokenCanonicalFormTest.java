package org.cbamledger.service.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 11 item 5: a token is taken in the one spelling the service writes, and its claims hold no control character. */
class TokenCanonicalFormTest {
    private static TokenAuthority authority;

    @BeforeAll
    static void key() throws Exception {
        Path dir = Files.createTempDirectory("token-form-");
        authority = TokenAuthority.loadOrCreate(dir, Clock.systemUTC());
    }

    private static String refused(String token) {
        AuthException e = assertThrows(AuthException.class, () -> authority.verify(token));
        assertEquals(401, e.status());
        return e.getMessage();
    }

    @Test
    void mintedToken_verifies() throws Exception {
        String token = authority.mint("client-1", List.of("log:a-log:read"), Duration.ofMinutes(5));
        assertEquals(new Principal("client-1", Set.of("log:a-log:read")), authority.verify(token));
    }

    @Test
    void paddingOrWhitespaceAppended_isRefused() {
        String token = authority.mint("client-1", List.of("admin"), Duration.ofMinutes(5));
        assertEquals("token is not a valid JWT: not a compact JWS in canonical base64url (no padding)", refused(token + "=="));
        refused(token + "=");
        refused(token + " ");
        refused(token.replace('.', '\n'));
    }

    @Test
    void signatureWithStrayLowBits_isRefused() {
        String token = authority.mint("client-1", List.of("admin"), Duration.ofMinutes(5));
        // an Ed25519 signature is 64 bytes: 86 base64url characters whose last holds 4 unused bits, zero when
        // canonical; setting the lowest gives another spelling of the same signature
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        String alias = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) + 1);
        assertEquals("token is not a valid JWT: not a compact JWS in canonical base64url (no padding)", refused(alias));
    }

    @Test
    void scopeOrSubjectWithAControlCharacter_isRefused() {
        assertEquals("token subject or scope holds a control character",
                refused(authority.mint("client-1", List.of("admin\u0000"), Duration.ofMinutes(5))));
        refused(authority.mint("client-1", List.of("log:a-log:read\u001f"), Duration.ofMinutes(5)));
        refused(authority.mint("client-1", List.of("log:a-log:read\u202e"), Duration.ofMinutes(5)));
        refused(authority.mint("client\r\n1", List.of("admin"), Duration.ofMinutes(5)));
    }
}
