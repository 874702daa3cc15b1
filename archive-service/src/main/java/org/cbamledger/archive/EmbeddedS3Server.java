package org.cbamledger.archive;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A real S3 server (S3Proxy with its filesystem store) on a loopback port, keeping buckets as directories
 * and objects as files under one local directory. Used when no S3 endpoint is configured, and by tests.
 * S3Proxy has no object lock: {@link S3ObjectStore} reports that retention is not enforced.
 */
public final class EmbeddedS3Server implements AutoCloseable {
    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final Path directory;
    private final String accessKey;
    private final String secretKey;
    private int port;
    private S3Proxy proxy;

    private EmbeddedS3Server(Path directory, String accessKey, String secretKey, int port) {
        this.directory = directory;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.port = port;
    }

    /** Starts on a free loopback port. */
    public static EmbeddedS3Server start(Path directory, String accessKey, String secretKey) throws ArchiveException {
        return start(directory, accessKey, secretKey, 0);
    }

    /** Starts on the given loopback port (0: any free port). */
    public static EmbeddedS3Server start(Path directory, String accessKey, String secretKey, int port)
            throws ArchiveException {
        EmbeddedS3Server server = new EmbeddedS3Server(directory.toAbsolutePath(), accessKey, secretKey, port);
        server.restart();
        return server;
    }

    /** Starts the server again on the same directory and port after {@link #stop()}. */
    public synchronized void restart() throws ArchiveException {
        if (proxy != null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            S3Proxy started = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(directory.toString()))
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    // no graceful wait on stop (Jetty's times out on idle keep-alive connections); an
                    // upload cut off is never visible
                    .stopTimeout(0)
                    .build();
            started.start();
            awaitStarted(started);
            port = started.getPort();
            proxy = started;
        } catch (IOException e) {
            throw new ArchiveException("embedded S3 server cannot use directory " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchiveException("embedded S3 server start on " + directory + " was interrupted", e);
        } catch (Exception e) {
            throw new ArchiveException("embedded S3 server on " + directory + " failed to start", e);
        }
    }

    /** Stops listening; the directory keeps every object. */
    public synchronized void stop() throws ArchiveException {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new ArchiveException("embedded S3 server on " + directory + " failed to stop", e);
        } finally {
            proxy = null;
        }
    }

    public synchronized boolean isRunning() {
        return proxy != null;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path directory() {
        return directory;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** Settings for an {@link S3ObjectStore} talking to this server. */
    public S3Settings settings(String bucket) {
        return S3Settings.of(endpoint(), accessKey, secretKey, bucket);
    }

    @Override
    public void close() throws ArchiveException {
        stop();
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException, ArchiveException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new ArchiveException("embedded S3 server did not start within " + START_TIMEOUT_MILLIS + " ms");
            }
            Thread.sleep(5);
        }
    }
}
