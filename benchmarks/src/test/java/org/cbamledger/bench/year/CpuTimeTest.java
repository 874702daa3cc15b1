package org.cbamledger.bench.year;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

class CpuTimeTest {
    @Test
    void theCpuAThreadBurns_isCountedInItsProcess() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CpuTime cpu = CpuTime.ofThisProcess();
        double before = cpu.seconds().get("Bench");
        long threadStart = threads.getCurrentThreadCpuTime();
        long spin = 0;
        while (threads.getCurrentThreadCpuTime() - threadStart < 300_000_000L) {
            spin += Long.numberOfTrailingZeros(spin + 1);
        }
        double used = cpu.seconds().get("Bench") - before;
        assertTrue(used >= 0.25, "counted " + used + " CPU seconds of at least 0.3 burnt (" + spin + ")");
    }

    /** The service the bench starts is its child: counted in the service's group, not in the bench's too. */
    @Test
    void theBenchsChildren_areNotCountedInTheBench() throws Exception {
        Process child = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (cpuNanos(child.toHandle()) < 500_000_000L && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(cpuNanos(child.toHandle()) >= 500_000_000L, "the child burnt half a CPU second");
            double ownBefore = cpuNanos(ProcessHandle.current()) / 1e9;
            double bench = CpuTime.ofThisProcess().seconds().get("Bench");
            double ownAfter = cpuNanos(ProcessHandle.current()) / 1e9;
            assertTrue(bench >= ownBefore - 0.01 && bench <= ownAfter + 0.01,
                    "the bench counted " + bench + " s, its own JVM " + ownBefore + " to " + ownAfter + " s");
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().orElseThrow().toNanos();
    }
}
