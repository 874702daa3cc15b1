package org.cbamledger.connector;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.cbamledger.connector.batch.BatchColumns;
import org.cbamledger.connector.batch.BatchSigner;
import org.cbamledger.connector.config.ConfigException;
import org.cbamledger.connector.config.ConfigLoader;
import org.cbamledger.connector.config.ConnectorConfig;
import org.cbamledger.connector.forward.Backoff;
import org.cbamledger.connector.forward.Forwarder;
import org.cbamledger.connector.forward.LedgerClient;
import org.cbamledger.connector.imports.CsvImportException;
import org.cbamledger.connector.imports.CsvReadingsParser;
import org.cbamledger.connector.imports.ReadingsImporter;
import org.cbamledger.connector.journal.Journal;
import org.cbamledger.connector.journal.JournalException;
import org.cbamledger.connector.reading.IntervalReading;
import org.cbamledger.connector.time.IntervalGrid;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.RecordValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./cbam import-readings FILE --meter ID --config FILE}: CSV import of historian and EMS
 * exports for plants without live connectivity, through the same signing, journal and forwarder.
 */
@Command(name = "import-readings", mixinStandardHelpOptions = true,
        description = "Validates a CSV export completely, then signs, journals and sends its readings. A file with"
                + " any bad row is rejected whole, with every problem named by line and field.")
public final class ImportReadingsCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "CSV file: intervalStart,intervalEnd,energyKwh[,quality] or timestamp,counterKwh")
    Path file;

    @Option(names = "--meter", required = true, description = "meter id the readings belong to")
    String meterId;

    @Option(names = "--config", required = true, description = "connector configuration (device key, journal, ledger)")
    Path config;

    @Option(names = "--rollover-kwh", description = "counter wrap-around for timestamp,counterKwh files")
    BigDecimal rolloverKwh;

    @Option(names = "--readings-per-batch", defaultValue = "96", description = "default ${DEFAULT-VALUE} (one day)")
    int readingsPerBatch;

    @Option(names = "--no-send", description = "journal only; a running connector on the same journal sends later")
    boolean noSend;

    @Option(names = "--send-timeout-seconds", defaultValue = "60")
    long sendTimeoutSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ImportReadingsCommand()).execute(args));
    }

    @Override
    public Integer call() {
        try {
            if (readingsPerBatch < 1 || readingsPerBatch > BatchColumns.MAX_READINGS) {
                System.err.println("import-readings: --readings-per-batch must be between 1 and "
                        + BatchColumns.MAX_READINGS + ", got " + readingsPerBatch);
                return 2;
            }
            ConnectorConfig cfg = ConfigLoader.load(config);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<IntervalReading> readings = new CsvReadingsParser(meterId, new IntervalGrid(cfg.intervalLength()),
                    rolloverKwh).parse(file.toString(), lines);
            SigningKey key = SigningKey.readPem(cfg.deviceKeyFile());
            try (Journal journal = Journal.open(cfg.journalDir(), cfg.diskBoundBytes(), cfg.segmentBytes())) {
                List<Long> sequences = new ReadingsImporter(journal, new BatchSigner(key), cfg.deviceId())
                        .importAll(meterId, readings, readingsPerBatch);
                System.out.println("import-readings: " + readings.size() + " reading(s) of meter " + meterId
                        + " journalled as batch(es) " + (sequences.getFirst() - 1) + ".." + (sequences.getLast() - 1));
                if (noSend) {
                    return 0;
                }
                Forwarder forwarder = new Forwarder(journal, new LedgerClient(cfg.ledgerUrl(), cfg.logId(),
                        cfg.bearerToken(), Duration.ofSeconds(10)), new Backoff(Duration.ofMillis(200), cfg.maxBackoff()),
                        Forwarder.BACKLOG_BATCH_ENTRIES);
                boolean drained = forwarder.drain(Duration.ofSeconds(sendTimeoutSeconds));
                System.out.println("import-readings: " + (drained ? "all batches acknowledged by the ledger"
                        : journal.pendingBatches() + " batch(es) still pending (kept in the journal): "
                                + forwarder.lastError()));
                return drained && forwarder.rejected() == 0 ? 0 : 1;
            }
        } catch (CsvImportException e) {
            System.err.println("import-readings: " + e.getMessage());
            return 1;
        } catch (RecordValidationException e) {
            System.err.println("import-readings: a batch does not match the meter-reading-batch schema, nothing imported: "
                    + e.getMessage() + " " + e.violations());
            return 1;
        } catch (ConfigException | JournalException | SignerException | IOException e) {
            System.err.println("import-readings: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
