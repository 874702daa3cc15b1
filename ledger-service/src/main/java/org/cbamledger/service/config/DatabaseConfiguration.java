package org.cbamledger.service.config;

import static org.cbamledger.service.properties.PropertyChecks.atLeast;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import org.cbamledger.service.db.DatabaseSettings;

/**
 * {@code cbam.db.*}: the ledger's PostgreSQL (here, not in {@code service.db}, which stays free of Micronaut).
 *
 * @param url JDBC URL, several hosts allowed (default empty: an embedded PostgreSQL in {@code embeddedDir})
 * @param user database user (default postgres)
 * @param password database password (default empty)
 * @param embeddedDir where the embedded PostgreSQL keeps its data (default empty: {@code <cbam.data-dir>/pg})
 * @param poolSize connections in the pool (default 10)
 */
@ConfigurationProperties("cbam.db")
public record DatabaseConfiguration(
        @Bindable(defaultValue = "") String url,
        @Bindable(defaultValue = "postgres") String user,
        @Bindable(defaultValue = "") String password,
        @Bindable(defaultValue = "") String embeddedDir,
        @Bindable(defaultValue = "10") int poolSize) {

    public DatabaseConfiguration {
        atLeast("cbam.db.pool-size", poolSize, 1);
    }

    DatabaseSettings settings(Path dataDir) {
        Path pgDir = embeddedDir.isBlank() ? dataDir.resolve("pg") : Path.of(embeddedDir).toAbsolutePath();
        return new DatabaseSettings(url, user, password, pgDir, poolSize);
    }
}
