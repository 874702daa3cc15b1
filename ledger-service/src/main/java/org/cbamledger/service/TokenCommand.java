package org.cbamledger.service;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.cbamledger.service.auth.TokenAuthority;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Mints a bearer token with the given scopes from the service's signing key in {@code <data-dir>/auth/}. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "mint a cbam-ledger bearer token")
public final class TokenCommand implements Callable<Integer> {
    static final int MISSING_EXIT_CODE = 2;
    static final int UNUSABLE_KEY_EXIT_CODE = 1;

    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--data-dir", defaultValue = "./var", description = "the service's data directory (default ./var)")
    Path dataDir;

    @Option(names = "--scope", required = true, split = ",",
            description = "admin, log:<logId>:submit, log:<logId>:read or log:<logId>:admin; repeat or comma-separate")
    List<String> scopes;

    @Option(names = "--subject", defaultValue = "cli", description = "who the token is for")
    String subject;

    @Option(names = "--ttl", defaultValue = "P30D", description = "validity as an ISO-8601 duration (default P30D)")
    Duration ttl;

    public TokenCommand() {
        this(System.out, System.err);
    }

    TokenCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TokenCommand()).execute(args));
    }

    @Override
    public Integer call() {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path keyFile = TokenAuthority.authDir(dir).resolve(TokenAuthority.KEY_FILE);
        if (!Files.isDirectory(dir)) {
            return missing("no data directory " + dir + " (name the service's data directory with --data-dir)");
        }
        if (!Files.isRegularFile(keyFile)) {
            return missing("no token signing key " + keyFile + " (the service writes it on its first start there)");
        }
        try {
            out.println(TokenAuthority.load(dir, Clock.systemUTC()).mint(subject, scopes, ttl));
            return 0;
        } catch (IOException e) {
            err.println("cbam token: " + e.getMessage());
            return UNUSABLE_KEY_EXIT_CODE;
        }
    }

    private int missing(String what) {
        err.println("cbam token: " + what);
        return MISSING_EXIT_CODE;
    }
}
