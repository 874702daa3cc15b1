package org.cbamledger.verifier;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows that a long verification is still running: one line on stderr, rewritten in place, with the time so far.
 * Only on a terminal and never beside --json output (VerifyCommand decides); a disabled one prints nothing.
 */
final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private final Thread ticker;
    private final long startedNanos = System.nanoTime();
    private volatile boolean shown;

    private Progress(PrintWriter err, Duration every, String what) {
        this.err = err;
        this.ticker = Thread.ofVirtual().name("verify-progress").start(() -> tick(every, what));
    }

    static Progress start(PrintWriter err, boolean enabled, Duration every, String what) {
        return enabled ? new Progress(err, every, what) : null;
    }

    /** A terminal on both ends: stdin/stdout attached to one (Console.isTerminal, JDK 22). */
    static boolean onTerminal() {
        return System.console() != null && System.console().isTerminal();
    }

    private void tick(Duration every, String what) {
        try {
            while (true) {
                Thread.sleep(every);
                long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
                synchronized (err) {
                    err.print("\rverifying " + what + " ... " + seconds + " s");
                    err.flush();
                }
                shown = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        ticker.interrupt();
        ticker.join();
        if (shown) {
            synchronized (err) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }
}
