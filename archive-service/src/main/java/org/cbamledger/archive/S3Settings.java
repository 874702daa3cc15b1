package org.cbamledger.archive;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach an S3 endpoint. {@code connectTimeout} bounds how long an upload waits for a dead endpoint
 * before failing with {@link ObjectStoreUnavailableException}.
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
                Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    public S3Settings withRetention(RetentionPolicy policy) {
        return new S3Settings(endpoint, accessKey, secretKey, bucket, region, policy, connectTimeout, readWriteTimeout);
    }
}
