package org.cbamledger.service.documents;

import static org.cbamledger.service.properties.PropertyChecks.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.cbamledger.archive.RetentionPolicy;

/**
 * {@code cbam.archive.*}: the object store holding documents.
 *
 * @param endpoint S3 endpoint URL (default empty: an embedded S3 server on {@code embeddedDir})
 * @param accessKey S3 access key (default empty: generated and kept under {@code <cbam.data-dir>/auth} when embedded)
 * @param secretKey S3 secret key (default empty: as {@code accessKey})
 * @param bucket bucket name (default cbam-documents)
 * @param embeddedDir where the embedded server keeps objects (default empty: {@code <cbam.data-dir>/objects})
 * @param embeddedPort the embedded server's port (default 0: any free port)
 * @param retentionMode object lock mode: GOVERNANCE, COMPLIANCE or NONE (default GOVERNANCE)
 * @param retentionDays how long each object is locked (default 3650)
 * @param spoolDir where uploads are spooled before they are stored (default empty: {@code <cbam.data-dir>/spool})
 * @param maxTextChars characters of text extracted per document at most (default 1000000)
 * @param connectTimeout how long an upload waits for a dead endpoint (default 2s)
 * @param readTimeout how long each read or write waits on an endpoint that does not answer (default 5s)
 */
@ConfigurationProperties("cbam.archive")
public record ArchiveConfiguration(
        @Bindable(defaultValue = "") String endpoint,
        @Bindable(defaultValue = "") String accessKey,
        @Bindable(defaultValue = "") String secretKey,
        @Bindable(defaultValue = "cbam-documents") String bucket,
        @Bindable(defaultValue = "") String embeddedDir,
        @Bindable(defaultValue = "0") int embeddedPort,
        @Bindable(defaultValue = "GOVERNANCE") RetentionPolicy.Mode retentionMode,
        @Bindable(defaultValue = "3650") int retentionDays,
        @Bindable(defaultValue = "") String spoolDir,
        @Bindable(defaultValue = "1000000") int maxTextChars,
        @Bindable(defaultValue = "2s") Duration connectTimeout,
        @Bindable(defaultValue = "5s") Duration readTimeout) {

    public ArchiveConfiguration {
        positive("cbam.archive.connect-timeout", connectTimeout);
        positive("cbam.archive.read-timeout", readTimeout);
    }

    /** The settings, with the embedded server's credentials generated on first use. */
    public ArchiveSettings settings(Path dataDir) throws IOException {
        String access = accessKey;
        String secret = secretKey;
        if (endpoint.isBlank() && access.isBlank()) {
            EmbeddedCredentials generated = EmbeddedCredentials.loadOrCreate(dataDir.resolve("auth"));
            access = generated.accessKey();
            secret = generated.secretKey();
        }
        return new ArchiveSettings(endpoint, access, secret, bucket, under(dataDir, embeddedDir, "objects"), embeddedPort,
                retentionMode == RetentionPolicy.Mode.NONE ? RetentionPolicy.NONE
                        : new RetentionPolicy(retentionMode, retentionDays),
                under(dataDir, spoolDir, "spool"), maxTextChars, connectTimeout, readTimeout);
    }

    private static Path under(Path dataDir, String configured, String defaultName) {
        return configured.isBlank() ? dataDir.resolve(defaultName) : Path.of(configured).toAbsolutePath();
    }
}
