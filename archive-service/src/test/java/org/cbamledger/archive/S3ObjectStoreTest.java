package org.cbamledger.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class S3ObjectStoreTest extends EmbeddedS3TestBase {
    @Test
    void putIfAbsent_storesTheBytes_andGetReturnsThem() throws Exception {
        byte[] body = "PPA settlement March 2026".getBytes(StandardCharsets.UTF_8);

        assertTrue(s3.store.putIfAbsent("t/round-trip", new ByteArrayInputStream(body), body.length, "text/plain"));

        assertArrayEquals(body, read("t/round-trip"));
        ObjectInfo info = s3.store.stat("t/round-trip").orElseThrow();
        assertEquals(body.length, info.sizeBytes());
        assertEquals("text/plain", info.contentType());
    }

    @Test
    void putIfAbsent_neverOverwritesAnExistingObject() throws Exception {
        byte[] first = "first".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second, longer".getBytes(StandardCharsets.UTF_8);
        s3.store.putIfAbsent("t/once", new ByteArrayInputStream(first), first.length, "text/plain");

        boolean written = s3.store.putIfAbsent("t/once", new ByteArrayInputStream(second), second.length, "text/plain");

        assertFalse(written);
        assertArrayEquals(first, read("t/once"));
    }

    @Test
    void putIfAbsent_multipartBody_roundTrips() throws Exception {
        byte[] body = new byte[(int) S3ObjectStore.PART_SIZE_BYTES + 3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(body);

        assertTrue(s3.store.putIfAbsent("t/multipart", new ByteArrayInputStream(body), body.length, "application/octet-stream"));

        assertArrayEquals(body, read("t/multipart"));
    }

    @Test
    void statAndGet_areEmptyForAMissingKey() throws Exception {
        assertTrue(s3.store.stat("t/never-written").isEmpty());
        assertTrue(s3.store.get("t/never-written").isEmpty());
    }

    @Test
    void delete_removesTheObject_andAcceptsAMissingKey() throws Exception {
        byte[] body = {1, 2, 3};
        s3.store.putIfAbsent("t/deleted", new ByteArrayInputStream(body), body.length, "application/octet-stream");

        s3.store.delete("t/deleted");
        s3.store.delete("t/deleted");

        assertTrue(s3.store.stat("t/deleted").isEmpty());
    }

    @Test
    void open_onS3Proxy_reportsRetentionAsNotEnforced_insteadOfFailing() throws Exception {
        RetentionPolicy governance = new RetentionPolicy(RetentionPolicy.Mode.GOVERNANCE, 30);

        try (S3ObjectStore locked = S3ObjectStore.open(s3.server.settings("locked-documents").withRetention(governance))) {
            RetentionStatus status = locked.retentionStatus();
            assertFalse(status.enforced());
            assertEquals(governance, status.requested());
            assertTrue(status.detail().contains("documents are kept without retention"), status.detail());
            byte[] body = {4, 2};
            assertTrue(locked.putIfAbsent("t/unlocked", new ByteArrayInputStream(body), body.length, "application/octet-stream"));
        }
    }

    private static byte[] read(String key) throws Exception {
        try (InputStream in = s3.store.get(key).orElseThrow()) {
            return in.readAllBytes();
        }
    }
}
