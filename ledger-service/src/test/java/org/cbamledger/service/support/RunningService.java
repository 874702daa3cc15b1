package org.cbamledger.service.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.service.LedgerApplication;
import org.cbamledger.service.auth.TokenAuthority;
import org.cbamledger.service.bundle.DirectoryZip;

/** The service started in-process on a random port against a fresh database of the shared PostgreSQL. */
public final class RunningService implements AutoCloseable {
    private final ApplicationContext context;
    private final Path dataDir;
    private final Http http;
    private final TokenAuthority tokens;

    private final String jdbcUrl;

    private RunningService(ApplicationContext context, Path dataDir, String jdbcUrl) throws IOException {
        this.context = context;
        this.dataDir = dataDir;
        this.jdbcUrl = jdbcUrl;
        this.http = new Http(URI.create(context.getBean(EmbeddedServer.class).getURL().toString() + "/"));
        this.tokens = TokenAuthority.load(dataDir, Clock.systemUTC());
    }

    public static RunningService start() throws IOException {
        return start(Map.of());
    }

    public static RunningService start(Map<String, Object> extra) throws IOException {
        Path dataDir = Files.createTempDirectory("ledger-test-");
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("cbam.data-dir", dataDir.toString());
        String jdbcUrl = SharedPostgres.newDatabase();
        properties.put("cbam.db.url", jdbcUrl);
        properties.put("cbam.db.user", "postgres");
        properties.put("cbam.db.pool-size", 6);
        // commitments on request only, so that tests counting a log's entries see none appear between requests;
        // IndexScheduleTest turns the schedule on
        properties.put("cbam.index.commit-interval", "0s");
        properties.putAll(extra);
        return new RunningService(LedgerApplication.start(properties), dataDir, jdbcUrl);
    }

    public Http http() {
        return http;
    }

    public ApplicationContext context() {
        return context;
    }

    /** The service's database, for tests that look at or lock its tables directly. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String adminToken() throws IOException {
        return Files.readString(TokenAuthority.authDir(dataDir).resolve(TokenAuthority.ADMIN_TOKEN_FILE)).trim();
    }

    public String token(String... scopes) {
        return tokens.mint("test", List.of(scopes), Duration.ofMinutes(30));
    }

    @Override
    public void close() {
        context.close();
        try {
            DirectoryZip.deleteTree(dataDir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
