package org.cbamledger.service.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The view cache under concurrent visitors: a slow computation holds up nobody else, and runs once per key. */
class ViewCacheTest {
    private static final ReadinessView EMPTY = ReadinessView.of(List.of(), List.of());

    @Test
    void aSlowView_doesNotBlockADifferentCachedView() throws Exception {
        ViewCache<String> cache = new ViewCache<>();
        ReadinessView cached = cache.get("cached", () -> EMPTY);
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ReadinessView> slow = pool.submit(() -> cache.get("slow", () -> {
                slowStarted.countDown();
                hold(release);
                return ReadinessView.of(List.of(), List.of());
            }));
            assertTrue(slowStarted.await(10, TimeUnit.SECONDS));
            Future<ReadinessView> other = pool.submit(() -> cache.get("cached", () -> {
                throw new AssertionError("a cached view is not computed again");
            }));
            assertSame(cached, other.get(10, TimeUnit.SECONDS), "the cached view is answered while the slow one computes");
            assertFalse(slow.isDone());
            release.countDown();
            slow.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void visitorsOfAViewBeingComputed_waitForThatOneComputation() throws Exception {
        ViewCache<String> cache = new ViewCache<>();
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ReadinessView> first = pool.submit(() -> cache.get("year", () -> {
                computations.incrementAndGet();
                started.countDown();
                hold(release);
                return ReadinessView.of(List.of(), List.of());
            }));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            Future<ReadinessView> second = pool.submit(() -> cache.get("year", () -> {
                computations.incrementAndGet();
                return ReadinessView.of(List.of(), List.of());
            }));
            Thread.sleep(100);
            assertFalse(second.isDone(), "the second visitor waits for the computation under way");
            release.countDown();
            assertSame(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
            assertEquals(1, computations.get());
        }
    }

    /** Waits for the test to let the computation finish, as a slow database read would. */
    private static void hold(CountDownLatch release) {
        try {
            assertTrue(release.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedComputation_failsItsWaiters_andIsNotCached() throws Exception {
        ViewCache<String> cache = new ViewCache<>();
        assertThrows(SQLException.class, () -> cache.get("broken", () -> {
            throw new SQLException("database gone");
        }));
        assertSame(EMPTY, cache.get("broken", () -> EMPTY), "the next visitor computes it again");
    }
}
