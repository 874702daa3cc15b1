package org.cbamledger.bench.year;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cbamledger.calculation.CalculationResult;
import org.cbamledger.calculation.EmissionsCalculator;
import org.cbamledger.calculation.core.Decimals;
import org.cbamledger.calculation.core.FigureIds;
import org.cbamledger.calculation.evidence.EvidenceRecord;
import org.cbamledger.calculation.scenario.ScenarioRecord;
import org.cbamledger.calculation.statement.CalculationRecords;
import org.cbamledger.calculation.statement.IssuedStatement;
import org.cbamledger.calculation.statement.StatementIssue;
import org.cbamledger.calculation.statement.StatementIssuer;
import org.cbamledger.signer.Checkpoint;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.NoteSigner;
import org.cbamledger.signer.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The annual calculation and its statement on a generated plant year, without a service: the plant's evidence and
 * daily batches signed as {@code bench year} submits them, numbered in that order; then, timed, the envelopes parsed
 * into evidence, the calculation, the calculation record and the signed statement (its JWS size).
 */
@Command(name = "bench calculation", mixinStandardHelpOptions = true,
        description = "the annual calculation and statement of a generated plant year, without a service")
public final class CalculationBench implements Callable<Integer> {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Mixin
    PlantSize size;

    @Option(names = "--runs", defaultValue = "2", description = "calculations on the same entries (the first warms up)")
    int runs;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CalculationBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getenv().getOrDefault("CBAM_HOME", ".")).toAbsolutePath();
        PlantYear plant = PlantYear.of(home, size.meters, size.days);
        long started = System.nanoTime();
        List<byte[]> entries = entries(plant);
        System.out.printf("%,d entries (%d meters x %d days) signed in %.1f s%n", entries.size(), size.meters, size.days, seconds(started));
        SigningKey issuer = SigningKey.generate(KeyAlgorithm.ED25519);
        // the statement names a checkpoint covering the entries; its root is not checked here
        String origin = "bench.cbam-ledger.example/calculation";
        String checkpoint = NoteSigner.sign(new Checkpoint(origin, entries.size(), new byte[32], List.of()).body(),
                new NoteSigner(origin, issuer));
        for (int run = 1; run <= runs; run++) {
            started = System.nanoTime();
            List<EvidenceRecord> evidence = YearRun.evidence(entries);
            double parseSeconds = seconds(started);
            long calculated = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            CalculationResult result = EmissionsCalculator.calculate(plant.scenario.request(evidence));
            double calculateSeconds = seconds(calculated);
            double calculateCpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
            long recorded = System.nanoTime();
            CalculationRecords.build(result, "calc-bench");
            double recordSeconds = seconds(recorded);
            long issued = System.nanoTime();
            IssuedStatement statement = StatementIssuer.issue(result, new StatementIssue("st-bench", Instant.now().toString(),
                    plant.scenario.statementIssuer(), plant.scenario.statementRecipient()), checkpoint, issuer);
            double statementSeconds = seconds(issued);
            System.out.printf("run %d: parse %.2f s, calculation %.2f s (%.2f s CPU), calculation record %.2f s, statement %.2f s"
                    + " (JWS %,d bytes); indirect %s tCO2%n", run, parseSeconds, calculateSeconds, calculateCpuSeconds, recordSeconds,
                    statementSeconds,
                    statement.jws().length(), Decimals.plain(result.value(FigureIds.INDIRECT)));
        }
        return 0;
    }

    /** The plant's evidence, then every meter's daily batches, as signed envelopes in the order bench year submits them. */
    static List<byte[]> entries(PlantYear plant) throws Exception {
        List<byte[]> entries = new ArrayList<>();
        SigningKey submitter = SigningKey.generate(KeyAlgorithm.ED25519);
        for (ScenarioRecord record : plant.evidence) {
            entries.add(YearRun.sign(record.record(), submitter));
        }
        entries.addAll(SignedBatches.of(plant, SigningKey.generate(KeyAlgorithm.ED25519)));
        return entries;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
