package org.cbamledger.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.cbamledger.service.auth.Principal;
import org.cbamledger.service.auth.TokenAuthority;
import org.cbamledger.service.bundle.DirectoryZip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./cbam token}: a token from the data directory's key, or one line saying what is missing. */
class TokenCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path work;

    @BeforeEach
    void createDir() throws Exception {
        work = Files.createTempDirectory("token-command-");
    }

    @AfterEach
    void deleteDir() throws Exception {
        DirectoryZip.deleteTree(work);
    }

    @Test
    void withoutADataDirectory_printsOneLineNamingItAndExitsNonZero() {
        Path absent = work.resolve("no-such-dir");
        int code = run("--data-dir", absent.toString(), "--scope", "admin");

        assertEquals(TokenCommand.MISSING_EXIT_CODE, code);
        assertOneLine(errText(), "no data directory " + absent.toAbsolutePath());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withADataDirectoryLackingTheKey_printsOneLineNamingTheKeyFileAndExitsNonZero() {
        int code = run("--data-dir", work.toString(), "--scope", "admin");

        assertEquals(TokenCommand.MISSING_EXIT_CODE, code);
        assertOneLine(errText(), "no token signing key " + work.resolve("auth").resolve(TokenAuthority.KEY_FILE));
    }

    @Test
    void withAnUnparsableKey_printsOneLineAndExitsNonZero() throws Exception {
        Files.createDirectories(TokenAuthority.authDir(work));
        Files.writeString(TokenAuthority.authDir(work).resolve(TokenAuthority.KEY_FILE), "not a JWK");

        assertEquals(TokenCommand.UNUSABLE_KEY_EXIT_CODE, run("--data-dir", work.toString(), "--scope", "admin"));
        assertOneLine(errText(), "is unusable");
    }

    @Test
    void withTheServicesKey_printsATokenItVerifies() throws Exception {
        TokenAuthority service = TokenAuthority.loadOrCreate(work, Clock.systemUTC());

        assertEquals(0, run("--data-dir", work.toString(), "--scope", "log:acme:read", "--subject", "auditor"));
        Principal principal = service.verify(out.toString(StandardCharsets.UTF_8).trim());
        assertEquals("auditor", principal.subject());
        assertEquals(Set.of("log:acme:read"), principal.scopes());
        assertEquals("", errText());
    }

    private int run(String... args) {
        return new CommandLine(new TokenCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static void assertOneLine(String text, String expected) {
        assertTrue(text.startsWith("cbam token: ") && text.contains(expected), text);
        assertEquals(1, text.lines().count(), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), "no stack trace: " + text);
    }
}
