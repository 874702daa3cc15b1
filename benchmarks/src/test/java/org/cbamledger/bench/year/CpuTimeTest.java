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
}
