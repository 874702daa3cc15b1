package org.cbamledger.bench.year;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./cbam bench year}: a plant's year of evidence through the whole system, measured (BENCHMARKS.md). */
@Command(name = "bench year", mixinStandardHelpOptions = true,
        description = "load, calculate, open a room, export and verify a plant's year; prints and writes the figures")
public final class YearBench implements Callable<Integer> {
    @Mixin
    PlantSize size;

    @Option(names = "--json", description = "also write the figures to this file")
    Path jsonFile;

    @Option(names = "--url", description = "a running service instead of one started here (needs --admin-token-file)")
    URI url;

    @Option(names = "--admin-token-file", description = "admin token of the service given by --url")
    Path adminTokenFile;

    @Option(names = "--connections", defaultValue = "4", description = "concurrent submitters")
    int connections;

    @Option(names = "--entries-per-request", defaultValue = "40", description = "daily batches per POST /entries/batch")
    int entriesPerRequest;

    @Option(names = "--verify-heap-mb", defaultValue = "0",
            description = "the offline verifier's maximum heap (-Xmx) in MiB; 0: the JVM's default, a quarter of RAM")
    int verifyHeapMb;

    @Option(names = "--work-dir", description = "where the bundle and the service's data go, kept after the run (default: a"
            + " new temporary directory, removed after a verified run)")
    Path workDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new YearBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getenv().getOrDefault("CBAM_HOME", ".")).toAbsolutePath();
        Path work = workDir != null ? workDir.toAbsolutePath() : Files.createTempDirectory("cbam-bench-year-");
        Files.createDirectories(work);
        YearFigures figures = run(home, work);
        figures.print(System.out);
        if (jsonFile != null) {
            Files.write(jsonFile, YearClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(figures.json()));
            System.out.println("figures written to " + jsonFile);
        }
        boolean verified = Boolean.TRUE.equals(figures.values.get("verified"));
        if (workDir == null && verified) {
            WorkDirectory.remove(work);
            System.out.println("removed " + work + " (the bundle and the service's data; --work-dir keeps them)");
        } else if (workDir == null) {
            System.out.println("kept " + work + " to look into the failed verification");
        }
        return verified ? 0 : 1;
    }

    private YearFigures run(Path home, Path work) throws Exception {
        PlantYear plant = PlantYear.of(home, size.meters, size.days);
        if (url != null) {
            if (adminTokenFile == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--url needs --admin-token-file");
            }
            YearClient admin = new YearClient(url, Files.readString(adminTokenFile).strip());
            return new YearRun(home, work, plant, admin, connections, entriesPerRequest, verifyHeapMb, System.out,
                    CpuTime.ofThisProcess()).run();
        }
        System.out.println("starting the ledger service on embedded PostgreSQL in " + work.resolve("service") + " ...");
        try (ServiceProcess service = ServiceProcess.start(home, work.resolve("service"))) {
            YearClient admin = new YearClient(service.url, service.adminToken);
            Map<String, Supplier<List<ProcessHandle>>> groups = new LinkedHashMap<>();
            groups.put("Bench", () -> List.of(ProcessHandle.current()));
            groups.put("Service", () -> List.of(service.jvm()));
            groups.put("Postgres", service::postgres);
            CpuTime cpu = new CpuTime(groups);
            return new YearRun(home, work, plant, admin, connections, entriesPerRequest, verifyHeapMb, System.out, cpu).run();
        }
    }
}
