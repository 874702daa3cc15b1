package org.cbamledger.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;

/**
 * {@code cbam.data-dir}: the directory holding what the service keeps on local disk (token keys, embedded
 * PostgreSQL and object store, upload spool), unless their own settings place them elsewhere.
 *
 * @param dataDir the directory (default ./var)
 */
@ConfigurationProperties("cbam")
public record DataConfiguration(@Bindable(defaultValue = "./var") String dataDir) {

    Path path() {
        return Path.of(dataDir).toAbsolutePath();
    }
}
