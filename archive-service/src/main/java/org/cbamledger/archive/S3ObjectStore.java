package org.cbamledger.archive;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.SetObjectLockConfigurationArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InvalidResponseException;
import io.minio.errors.ServerException;
import io.minio.messages.Item;
import io.minio.messages.ObjectLockConfiguration;
import io.minio.messages.RetentionDurationDays;
import io.minio.messages.RetentionMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * {@link ObjectStore} over any S3 endpoint through the MinIO Java client.
 *
 * <p>Nothing is ever half-visible under a key: a single PUT becomes visible only when the server has the
 * whole body, and a multipart upload (bodies above {@link #PART_SIZE_BYTES}) only at
 * CompleteMultipartUpload; parts of an interrupted upload stay invisible (a bucket lifecycle rule
 * AbortIncompleteMultipartUpload reclaims them on MinIO and S3).
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {
    /** Multipart part size; the MinIO client buffers one part in memory per running upload. */
    public static final long PART_SIZE_BYTES = 16L * 1024 * 1024;

    private static final long IDLE_CONNECTION_SECONDS = 20;
    private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject", "NotFound", "ResourceNotFound");
    private static final Set<String> OVERLOADED = Set.of("ServiceUnavailable", "SlowDown", "InternalError", "RequestTimeout");

    private final MinioClient client;
    private final OkHttpClient http;
    private final String endpoint;
    private final String bucket;
    private final RetentionStatus retention;

    private S3ObjectStore(MinioClient client, OkHttpClient http, String endpoint, String bucket, RetentionStatus retention) {
        this.client = client;
        this.http = http;
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.retention = retention;
    }

    /** Connects, creates the bucket if missing and applies the retention policy where the backend can. */
    public static S3ObjectStore open(S3Settings settings) throws ArchiveException {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readWriteTimeout())
                .writeTimeout(settings.readWriteTimeout())
                // idle connections are dropped before the server's idle timeout (Jetty: 30 s) closes them;
                // a connection the server closed anyway is retried once by OkHttp, and a refused
                // connection still fails at once
                .connectionPool(new ConnectionPool(5, IDLE_CONNECTION_SECONDS, TimeUnit.SECONDS))
                .protocols(List.of(Protocol.HTTP_1_1))
                .build();
        MinioClient client = MinioClient.builder()
                .endpoint(settings.endpoint().toString())
                .region(settings.region())
                .credentials(settings.accessKey(), settings.secretKey())
                .httpClient(http)
                .build();
        String endpoint = settings.endpoint().toString();
        S3ObjectStore unlocked = new S3ObjectStore(client, http, endpoint, settings.bucket(), null);
        RetentionStatus status;
        try {
            status = unlocked.prepareBucket(settings.retention());
        } catch (ArchiveException e) {
            unlocked.close();
            throw e;
        }
        return new S3ObjectStore(client, http, endpoint, settings.bucket(), status);
    }

    public RetentionStatus retentionStatus() {
        return retention;
    }

    public String bucket() {
        return bucket;
    }

    @Override
    public boolean putIfAbsent(String key, InputStream content, long sizeBytes, String contentType)
            throws ArchiveException {
        if (stat(key).isPresent()) {
            return false;
        }
        PutObjectArgs.Builder args = PutObjectArgs.builder()
                .bucket(bucket)
                .object(key)
                .stream(content, sizeBytes, PART_SIZE_BYTES)
                .contentType(contentType);
        if (sizeBytes <= PART_SIZE_BYTES) {
            // conditional write closes the race between stat and put (S3, MinIO); multipart uploads rely
            // on the stat above, and two racing uploads of one content address carry the same bytes
            args.headers(Map.of("If-None-Match", "*"));
        }
        try {
            client.putObject(args.build());
            return true;
        } catch (ErrorResponseException e) {
            if ("PreconditionFailed".equals(e.errorResponse().code())) {
                return false;
            }
            throw failure("put of " + key, e);
        } catch (Exception e) {
            throw failure("put of " + key, e);
        }
    }

    @Override
    public Optional<InputStream> get(String key) throws ArchiveException {
        try {
            return Optional.of(client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
        } catch (ErrorResponseException e) {
            if (MISSING.contains(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw failure("get of " + key, e);
        } catch (Exception e) {
            throw failure("get of " + key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws ArchiveException {
        try {
            StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return Optional.of(new ObjectInfo(key, stat.size(), stat.contentType(),
                    Optional.ofNullable(stat.retentionRetainUntilDate()).map(d -> d.toInstant())));
        } catch (ErrorResponseException e) {
            if (MISSING.contains(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw failure("stat of " + key, e);
        } catch (Exception e) {
            throw failure("stat of " + key, e);
        }
    }

    @Override
    public void delete(String key) throws ArchiveException {
        try {
            if (!retention.enforced()) {
                client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
                return;
            }
            // an object-locked bucket is versioned: a plain delete only hides the object behind a marker
            boolean bypass = retention.requested().mode() == RetentionPolicy.Mode.GOVERNANCE;
            Iterable<Result<Item>> versions = client.listObjects(
                    ListObjectsArgs.builder().bucket(bucket).prefix(key).includeVersions(true).build());
            for (Result<Item> result : versions) {
                Item item = result.get();
                if (item.objectName().equals(key)) {
                    client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key)
                            .versionId(item.versionId()).bypassGovernanceMode(bypass).build());
                }
            }
        } catch (Exception e) {
            throw failure("delete of " + key, e);
        }
    }

    /** Releases the HTTP client's threads and connections (its dispatcher threads would keep a JVM alive 60 s). */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private RetentionStatus prepareBucket(RetentionPolicy policy) throws ArchiveException {
        boolean wantLock = policy.mode() != RetentionPolicy.Mode.NONE;
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                try {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).objectLock(wantLock).build());
                } catch (ErrorResponseException e) {
                    if (!wantLock) {
                        throw e;
                    }
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                    return new RetentionStatus(policy, false, "this object store offers no object lock ("
                            + e.errorResponse().code() + "), so documents are kept without retention (an S3 service with object lock gives WORM retention)");
                }
            }
        } catch (Exception e) {
            throw failure("creating bucket " + bucket, e);
        }
        if (!wantLock) {
            return new RetentionStatus(policy, false, "no retention requested");
        }
        try {
            client.getObjectLockConfiguration(GetObjectLockConfigurationArgs.builder().bucket(bucket).build());
        } catch (ErrorResponseException e) {
            return new RetentionStatus(policy, false, "object store has no object lock on bucket " + bucket + " ("
                    + e.errorResponse().code() + "): documents are not under retention");
        } catch (Exception e) {
            throw failure("reading the object lock of bucket " + bucket, e);
        }
        RetentionMode mode = policy.mode() == RetentionPolicy.Mode.COMPLIANCE
                ? RetentionMode.COMPLIANCE
                : RetentionMode.GOVERNANCE;
        try {
            client.setObjectLockConfiguration(SetObjectLockConfigurationArgs.builder().bucket(bucket)
                    .config(new ObjectLockConfiguration(mode, new RetentionDurationDays(policy.days()))).build());
        } catch (Exception e) {
            throw failure("setting the default retention of bucket " + bucket, e);
        }
        return new RetentionStatus(policy, true, "default retention " + mode + " for " + policy.days() + " days");
    }

    private ArchiveException failure(String operation, Exception thrown) {
        Exception e = unwrap(thrown);
        boolean unavailable = e instanceof IOException
                || e instanceof ServerException
                || e instanceof InvalidResponseException
                || (e instanceof ErrorResponseException r
                        && (r.response().code() >= 500 || OVERLOADED.contains(r.errorResponse().code())));
        if (unavailable) {
            return new ObjectStoreUnavailableException(
                    "object store " + endpoint + " is unavailable: " + operation + " failed", thrown);
        }
        if (e instanceof ErrorResponseException r) {
            return new ArchiveException("object store " + endpoint + " refused " + operation + ": "
                    + r.errorResponse().code() + " " + r.errorResponse().message(), thrown);
        }
        return new ArchiveException(operation + " failed: " + e, thrown);
    }

    /** The MinIO client wraps failures of its part uploads in RuntimeException(ExecutionException(...)). */
    private static Exception unwrap(Exception thrown) {
        Throwable e = thrown;
        while ((e instanceof RuntimeException || e instanceof ExecutionException)
                && e.getCause() instanceof Exception cause) {
            e = cause;
        }
        return (Exception) e;
    }
}
