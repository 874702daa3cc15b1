package org.cbamledger.service.web;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.cbamledger.service.problem.LedgerException;

/**
 * The last few computed views, by a key that changes whenever their entries or statements would (a log's: log id,
 * checkpoint size, statement ids; a room's: the exact digest of the entries and statements its visitor sees):
 * recomputing a year of hourly electricity for every page and month switch is seconds of CPU. A view is computed
 * outside the lock, so one slow view never holds up another; callers asking for a view being computed wait for that
 * one computation instead of starting their own.
 */
final class ViewCache<K> {
    private static final int CAPACITY = 4;
    private final Map<K, ReadinessView> views = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<K, ReadinessView> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<K, CompletableFuture<ReadinessView>> computing = new HashMap<>();

    /** Reads the entries and statements of a view and computes it. */
    interface Computation {
        ReadinessView compute() throws SQLException, LedgerException;
    }

    ReadinessView get(K key, Computation computation) throws SQLException, LedgerException {
        CompletableFuture<ReadinessView> mine = new CompletableFuture<>();
        CompletableFuture<ReadinessView> running;
        synchronized (this) {
            ReadinessView view = views.get(key);
            if (view != null) {
                return view;
            }
            running = computing.putIfAbsent(key, mine);
        }
        if (running != null) {
            return await(running);
        }
        try {
            ReadinessView view = computation.compute();
            synchronized (this) {
                views.put(key, view);
                computing.remove(key);
            }
            mine.complete(view);
            return view;
        } catch (SQLException | LedgerException | RuntimeException | Error e) {
            synchronized (this) {
                computing.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The view another caller is computing; its failure is this caller's too. */
    private static ReadinessView await(CompletableFuture<ReadinessView> running) throws SQLException, LedgerException {
        try {
            return running.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case SQLException sql -> throw sql;
                case LedgerException ledger -> throw ledger;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw e;
            }
        }
    }
}
