package org.cbamledger.bench.year;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time used so far by named groups of processes (user and system, as /proc reports it): the bench's own JVM alone,
 * and the service's JVM and its PostgreSQL, each with its descendants, when the bench started them. The bench's JVM is
 * counted without its descendants, since the service it started is one of them and has its own group. A timing taken while
 * other work shares the machine says little; the CPU seconds a step costs change far less with the load.
 */
final class CpuTime {
    private final Map<String, Supplier<List<ProcessHandle>>> groups;

    CpuTime(Map<String, Supplier<List<ProcessHandle>>> groups) {
        this.groups = groups;
    }

    /** The bench's JVM alone. */
    static CpuTime ofThisProcess() {
        return new CpuTime(Map.of("Bench", () -> List.of(ProcessHandle.current())));
    }

    /** CPU seconds so far per group, in the groups' order. */
    Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        groups.forEach((name, processes) -> seconds.put(name, processes.get().stream()
                .flatMap(p -> p.equals(ProcessHandle.current()) ? Stream.of(p) : Stream.concat(Stream.of(p), p.descendants()))
                .mapToLong(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos()).sum() / 1e9));
        return seconds;
    }
}
