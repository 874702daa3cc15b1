package org.cbamledger.archive;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach an S3 endpoint. {@code connectTimeout} bounds how long an upload waits for a dead endpoint, and
 * {@code readWriteTimeout} how long it waits on one that took the connection but does not answer (each read or
 * write of the exchange, not the whole transfer), before failing with {@link ObjectStoreUnavailableException}.
 */
public record S3Settings(
        URI endpoint,
        String accessKey,
        String secretKey,
        String bucket,
        String region,
        RetentionPolicy retention,
        Duration connectTimeout,
        Duration readWriteTimeout) {

    public static S3Settings of(URI endpoint, String accessKey, String secretKey, String bucket) {
        return new S3Settings(endpoint, accessKey, secretKey, bucket, "us-east-1", RetentionPolicy.NONE,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_WRITE_TIMEOUT);
    }

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_WRITE_TIMEOUT = Duration.ofSeconds(5);

    public S3Settings withTimeouts(Duration connect, Duration readWrite) {
        return new S3Settings(endpoint, accessKey, secretKey, bucket, region, retention, connect, readWrite);
    }

    public S3Settings withRetention(RetentionPolicy policy) {
        return new S3Settings(endpoint, accessKey, secretKey, bucket, region, policy, connectTimeout, readWriteTimeout);
    }
}
