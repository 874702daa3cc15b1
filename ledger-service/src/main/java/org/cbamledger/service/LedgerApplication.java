package org.cbamledger.service;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cbamledger.service.auth.TokenAuthority;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the ledger service. Without {@code --db-url} it runs its own embedded PostgreSQL in
 * {@code <data-dir>/pg}. On first start it writes its token signing key and an admin token to
 * {@code <data-dir>/auth/}.
 */
@Command(name = "ledger-service", mixinStandardHelpOptions = true, description = "cbam-ledger evidence ledger service")
public final class LedgerApplication implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (default 8080; 0 or -1 picks a free one)")
    Integer port;

    @Option(names = "--host", description = "address to listen on (default: all)")
    String host;

    @Option(names = "--data-dir", description = "data directory: auth keys, embedded PostgreSQL (default ./var)")
    Path dataDir;

    @Option(names = "--db-url", description = "JDBC URL of an external PostgreSQL (default: embedded)")
    String dbUrl;

    @Option(names = "--db-user", description = "database user")
    String dbUser;

    @Option(names = "--db-password", description = "database password (or env CBAM_DB_PASSWORD)")
    String dbPassword;

    public static void main(String[] args) {
        int code = new CommandLine(new LedgerApplication()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        Map<String, Object> properties = new HashMap<>();
        if (port != null) {
            properties.put("micronaut.server.port", port);
        }
        if (host != null) {
            properties.put("micronaut.server.host", host);
        }
        if (dataDir != null) {
            properties.put("cbam.data-dir", dataDir.toAbsolutePath().toString());
        }
        if (dbUrl != null) {
            properties.put("cbam.db.url", dbUrl);
        }
        if (dbUser != null) {
            properties.put("cbam.db.user", dbUser);
        }
        if (dbPassword != null) {
            properties.put("cbam.db.password", dbPassword);
        }
        ApplicationContext context = start(properties);
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        Path data = context.getBean(Path.class, io.micronaut.inject.qualifiers.Qualifiers.byName("dataDir"));
        System.out.println("cbam-ledger listening on " + server.getURL());
        System.out.println("admin token: " + TokenAuthority.authDir(data).resolve(TokenAuthority.ADMIN_TOKEN_FILE));
        return 0;
    }

    /** Starts the service with the given configuration properties on top of application.properties. */
    public static ApplicationContext start(Map<String, Object> properties) {
        return Micronaut.build(new String[0])
                .mainClass(LedgerApplication.class)
                .properties(properties)
                .banner(false)
                .start();
    }
}
