package org.cbamledger.service.documents;

import java.nio.file.Path;
import java.time.Duration;
import org.cbamledger.archive.RetentionPolicy;

/**
 * The {@code cbam.archive.*} configuration ({@link ArchiveConfiguration}). An empty {@code endpoint} means: start an embedded S3 server
 * (S3Proxy) on {@code embeddedDir}.
 */
public record ArchiveSettings(
        String endpoint,
        String accessKey,
        String secretKey,
        String bucket,
        Path embeddedDir,
        int embeddedPort,
        RetentionPolicy retention,
        Path spoolDir,
        int maxTextChars,
        Duration connectTimeout,
        Duration readTimeout) {

    public boolean embedded() {
        return endpoint == null || endpoint.isBlank();
    }
}
