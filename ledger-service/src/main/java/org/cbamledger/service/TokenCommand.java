package org.cbamledger.service;

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
    @Option(names = "--data-dir", defaultValue = "./var", description = "the service's data directory (default ./var)")
    Path dataDir;

    @Option(names = "--scope", required = true, split = ",",
            description = "admin, log:<logId>:submit, log:<logId>:read or log:<logId>:admin; repeat or comma-separate")
    List<String> scopes;

    @Option(names = "--subject", defaultValue = "cli", description = "who the token is for")
    String subject;

    @Option(names = "--ttl", defaultValue = "P30D", description = "validity as an ISO-8601 duration (default P30D)")
    Duration ttl;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TokenCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        TokenAuthority authority = TokenAuthority.load(dataDir.toAbsolutePath(), Clock.systemUTC());
        System.out.println(authority.mint(subject, scopes, ttl));
        return 0;
    }
}
