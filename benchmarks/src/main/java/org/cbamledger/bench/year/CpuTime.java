package org.cbamledger.bench.year;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time used so far by a set of processes and their descendants (user and system, as /proc reports it): the
 * bench's own JVM, and the service's JVM and PostgreSQL when the bench started them. A timing taken while other
 * work shares the machine says little; the CPU seconds a step costs change far less with the load.
 */
final class CpuTime {
    private final Supplier<List<ProcessHandle>> processes;

    CpuTime(Supplier<List<ProcessHandle>> processes) {
        this.processes = processes;
    }

    /** The bench's JVM alone. */
    static CpuTime ofThisProcess() {
        return new CpuTime(() -> List.of(ProcessHandle.current()));
    }

    double seconds() {
        return processes.get().stream().flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos()).sum() / 1e9;
    }
}
