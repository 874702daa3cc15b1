package org.cbamledger.service.demo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cbamledger.calculation.core.Amounts;
import org.cbamledger.calculation.scenario.Scenario;
import org.cbamledger.calculation.scenario.ScenarioException;
import org.cbamledger.calculation.scenario.ScenarioLoader;
import org.cbamledger.exchange.template.CommunicationTemplateWriter;
import org.cbamledger.service.LedgerApplication;
import org.cbamledger.service.auth.Scopes;
import org.cbamledger.service.auth.TokenAuthority;
import org.cbamledger.service.bundle.DirectoryZip;
import org.cbamledger.service.log.LedgerRecords;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.VerificationReport;
import org.cbamledger.verifier.Verifier;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.policy.PolicyFile;
import org.cbamledger.verifier.policy.TrustPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo: the service on embedded PostgreSQL, an operator log, a meter gateway key and three meters,
 * one day of signed 15-minute readings through the HTTP API; then a scenario (default the worked example)
 * submitted by its parties, calculated, and its statement issued; the evidence bundle with the statement, and
 * the offline verifier.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "run the cbam-ledger demo end to end")
public final class DemoCommand implements Callable<Integer> {
    static final String LOG_ID = "demo-extruder";
    static final String DEMO_VERIFIER = "demo-verifier";
    /** Not a device id of the scenarios (their gateways are gw-01, gw-02): device batch numbering is per log. */
    static final String GATEWAY_DEVICE = "demo-gw-01";
    static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");
    static final int INTERVALS_PER_BATCH = 4;
    static final int INTERVALS_PER_DAY = 96;

    static final List<DemoMeter> METERS = List.of(
            new DemoMeter("m-press-1", "press-1", "Janitza", "UMG 604-PRO", 460, 35, 48_210_334L),
            new DemoMeter("m-heater-1", "press-1", "Janitza", "UMG 604-PRO", 820, 60, 91_004_117L),
            new DemoMeter("m-aux", "aux", "Siemens", "PAC3200", 140, 55, 12_877_020L));

    @Option(names = "--exit", description = "exit after verifying instead of serving on")
    boolean exit;

    @Option(names = "--out", defaultValue = "./var/demo-bundle", description = "where the bundle is unzipped (default ./var/demo-bundle)")
    Path out;

    @Option(names = "--scenario", defaultValue = "${env:CBAM_HOME:-.}/scenarios/turkish-extruder-2026",
            description = "scenario directory to load, calculate and issue a statement for (default scenarios/turkish-extruder-2026)")
    Path scenarioDir;

    @Option(names = "--data-dir", description = "service data directory (default: a new temporary directory)")
    Path dataDir;

    @Option(names = "--port", defaultValue = "-1", description = "HTTP port (default: a free one)")
    int port;

    private final PrintStream console = System.out;
    private String roomId;
    private String verifierToken;
    private DemoTrustServers trust;
    private Path policyFile;

    public static void main(String[] args) {
        // without --exit, call() serves until the process is stopped
        System.exit(new CommandLine(new DemoCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        out = out.toAbsolutePath().normalize(); // printed paths read /work/var/demo-bundle, not /work/./var/demo-bundle
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(scenarioDir);
        } catch (ScenarioException e) {
            console.println("scenario " + scenarioDir + ": " + e.getMessage());
            return 2;
        }
        DemoDataDir temporary = dataDir == null ? DemoDataDir.createTemporary() : null;
        Path data = temporary == null ? dataDir.toAbsolutePath() : temporary.path();
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", port);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("cbam.data-dir", data.toString());
        trust = DemoTrustServers.start(data);
        Runtime.getRuntime().addShutdownHook(new Thread(trust::close));
        console.println("started " + trust.describe());
        properties.putAll(trust.serviceProperties());
        console.println("starting the ledger service (embedded PostgreSQL in " + data.resolve("pg") + ") ...");
        AtomicReference<ApplicationContext> started = new AtomicReference<>();
        if (temporary != null) {
            // registered before the service starts, so that a SIGTERM while it starts removes the directory too
            temporary.removeOnShutdown(() -> started.get() == null || !started.get().isRunning());
        }
        ApplicationContext context;
        try {
            context = LedgerApplication.start(properties);
        } catch (RuntimeException e) {
            trust.close();
            throw e;
        }
        started.set(context);
        boolean passed;
        try {
            URI base = URI.create(context.getBean(EmbeddedServer.class).getURL() + "/");
            String admin = Files.readString(TokenAuthority.authDir(data).resolve(TokenAuthority.ADMIN_TOKEN_FILE)).trim();
            passed = run(new DemoClient(base, admin), scenario, context.getBean(TokenAuthority.class));
            if (!exit) {
                console.println();
                console.println("serving on " + base + "  (Ctrl-C to stop)");
                console.println("admin token (also in " + TokenAuthority.authDir(data).resolve(TokenAuthority.ADMIN_TOKEN_FILE) + "):");
                console.println(admin);
                console.println("verifier " + DEMO_VERIFIER + " token (reads data room " + roomId + " only):");
                console.println(verifierToken);
                console.println("web view of the room: log in at " + base + "ui/login with that token, then open "
                        + base + "ui/rooms/" + roomId);
                Thread.currentThread().join();
            }
        } finally {
            if (exit) {
                context.close();
                trust.close();
                if (temporary != null) {
                    temporary.close();
                }
            }
        }
        return passed ? 0 : 1;
    }

    private boolean run(DemoClient client, Scenario scenario, TokenAuthority tokens) throws Exception {
        JsonNode log = client.createLog(LOG_ID, "Demo Aluminium Extrusions d.o.o.", "RS");
        SigningKey root = SigningKey.fromPkcs8(KeyAlgorithm.ED25519,
                Base64.getDecoder().decode(log.get("rootPrivateKeyPkcs8").asString()));
        String logKey = log.get("logVerifierKey").asString();
        console.println("log " + LOG_ID + " created; log key " + logKey);
        trust.addLog(logKey);

        SigningKey gateway = SigningKey.generate(KeyAlgorithm.ED25519);
        client.submit(LOG_ID, Envelope.sign(Kinds.KEY_REGISTRATION, LedgerRecords.json(LedgerRecords.keyRegistration(
                gateway.publicKey(), LOG_ID, "device", List.of(Kinds.METER_READING_BATCH), DAY.minus(1, ChronoUnit.DAYS),
                DAY.plus(365, ChronoUnit.DAYS))), root), false);
        for (DemoMeter meter : METERS) {
            client.submit(LOG_ID, Envelope.sign(Kinds.METER, LedgerRecords.json(meterRecord(meter)), root), false);
        }
        console.println("registered meter gateway " + GATEWAY_DEVICE + " (key " + gateway.keyId().substring(0, 16)
                + "...) and " + METERS.size() + " meters");

        DemoReadings readings = new DemoReadings();
        Map<String, long[]> registers = new LinkedHashMap<>();
        Map<String, BigDecimal> energyKwh = new LinkedHashMap<>();
        METERS.forEach(m -> {
            registers.put(m.meterId(), new long[] {m.registerStartCounts()});
            energyKwh.put(m.meterId(), BigDecimal.ZERO);
        });
        long sequence = 0;
        JsonNode lastReceipt = null;
        int batches = INTERVALS_PER_DAY / INTERVALS_PER_BATCH;
        for (int b = 0; b < batches; b++) {
            Instant start = DAY.plus((long) b * INTERVALS_PER_BATCH * DemoReadings.INTERVAL_MINUTES, ChronoUnit.MINUTES);
            for (DemoMeter meter : METERS) {
                long before = registers.get(meter.meterId())[0];
                ObjectNode batch = readings.batch(meter, GATEWAY_DEVICE, sequence++, start, INTERVALS_PER_BATCH,
                        registers.get(meter.meterId()));
                long counts = registers.get(meter.meterId())[0] - before;
                energyKwh.merge(meter.meterId(), DemoReadings.SCALE_KWH.multiply(BigDecimal.valueOf(counts)), BigDecimal::add);
                boolean last = b == batches - 1 && meter == METERS.getLast();
                lastReceipt = client.submit(LOG_ID, Envelope.sign(Kinds.METER_READING_BATCH, LedgerRecords.json(batch), gateway), last);
            }
        }
        console.println("appended " + sequence + " signed reading batches (" + INTERVALS_PER_DAY + " intervals x "
                + METERS.size() + " meters) for " + DAY.toString().substring(0, 10));
        energyKwh.forEach((meter, kwh) -> console.println("  " + meter + ": " + kwh.toPlainString() + " kWh"));
        if (lastReceipt == null || lastReceipt.get("checkpoint") == null) {
            throw new IOException("no checkpoint covered the last batch within 10 s");
        }
        String checkpoint = lastReceipt.get("checkpoint").asString();
        console.println("checkpoint: tree size " + checkpoint.split("\n")[1] + ", root " + checkpoint.split("\n")[2]);

        ScenarioDemo.Outcome outcome = new ScenarioDemo(client, LOG_ID, root, console).run(scenario, scenarioDir);
        printFigures(outcome);

        unzip(client.bundle(LOG_ID, outcome.statementId()), out);
        console.println("bundle written to " + out.toAbsolutePath() + " (statement in "
                + out.resolve("statement.json") + ", .jws, .pdf, .xlsx)");
        Path xlsx = out.resolveSibling(out.getFileName() + "-communication.xlsx");
        Files.write(xlsx, CommunicationTemplateWriter.write(outcome.statement(), Optional.empty()));
        console.println("EU communication template (v2.1.1 layout) written to " + xlsx);
        policyFile = out.toAbsolutePath().resolveSibling(out.getFileName() + "-policy.json");
        Files.writeString(policyFile, PolicyFile.write(List.of(logKey), List.of(root.keyId()), trust.witnessKeys(),
                DemoTrustServers.QUORUM, List.of(trust.tsaCertificatePem())));
        TrustPolicy policy = PolicyFile.parse(Files.readAllBytes(policyFile));
        VerificationReport report = new Verifier().verify(out, policy);
        long failures = report.results().stream().filter(CheckResult::failed).count();
        console.println("verifier: " + (report.passed() ? "PASS" : "FAIL") + " (" + report.results().size()
                + " checks, " + failures + " failed; log key, root key, " + DemoTrustServers.QUORUM
                + " witnesses and the TSA pinned)");
        report.failures().forEach(f -> console.println("  FAIL " + f.check() + " " + f.subject() + ": " + f.message()));
        console.println("check it yourself: ./cbam verify " + out + " --policy " + policyFile);
        if (outcome.electricity().isPresent()) {
            Path[] gapReport = outcome.electricity().get().writeGapReport(out);
            console.println("gap report written to " + gapReport[0] + " and " + gapReport[1]);
        }
        return report.outcome() == VerificationReport.Outcome.PASSED & roomForVerifier(client, tokens, outcome, policy);
    }

    /**
     * Opens a data room on the statement's installation, period and CN code, grants it to a verifier, and checks
     * the room's bundle as that verifier would: {@code <out>-room.zip} beside the log's bundle.
     */
    private boolean roomForVerifier(DemoClient client, TokenAuthority tokens, ScenarioDemo.Outcome outcome,
            TrustPolicy policy) throws Exception {
        JsonNode s = outcome.statement();
        String roomId = client.createRoom(LOG_ID, "evidence of statement " + outcome.statementId(),
                s.at("/installation/installationId").asString(), s.at("/period/from").asString(),
                s.at("/period/to").asString(), s.get("cnCode").asString()).get("roomId").asString();
        client.grantRoom(roomId, DEMO_VERIFIER, "verifier", List.of("entries", "documents", "statements", "bundle", "view"));
        verifierToken = tokens.mint(DEMO_VERIFIER, List.of(Scopes.verifier(DEMO_VERIFIER)), Duration.ofDays(1));
        this.roomId = roomId;
        Path zip = out.toAbsolutePath().resolveSibling(out.getFileName() + "-room.zip");
        Files.write(zip, client.as(verifierToken).roomBundle(roomId, outcome.statementId()));
        Path unzipped = Files.createTempDirectory("cbam-demo-room-");
        VerificationReport report;
        try {
            unzip(Files.readAllBytes(zip), unzipped.resolve("bundle"));
            report = new Verifier().verify(unzipped.resolve("bundle"), policy);
        } finally {
            DirectoryZip.deleteTree(unzipped);
        }
        console.println("data room " + roomId + " granted to verifier " + DEMO_VERIFIER + "; its bundle " + zip + " holds "
                + report.manifest().entries().size() + " entries: verifier " + (report.passed() ? "PASS" : "FAIL") + " ("
                + report.results().size() + " checks)");
        report.failures().forEach(f -> console.println("  FAIL " + f.check() + " " + f.subject() + ": " + f.message()));
        console.println("check it yourself: ./cbam verify " + zip + " --policy " + policyFile);
        return report.outcome() == VerificationReport.Outcome.PASSED;
    }

    /** The headline figures of the statement, and the actual cost on the comparison basis. */
    private void printFigures(ScenarioDemo.Outcome outcome) {
        JsonNode s = outcome.statement();
        console.println("statement " + outcome.statementId() + " (rule set " + s.at("/ruleSet/id").asString() + ", "
                + s.at("/tonnes").asString() + " t of CN " + s.at("/cnCode").asString() + "):");
        for (String[] figure : new String[][] {
            {"emissions.totalTco2", "/emissions/totalTco2", "t CO2"},
            {"emissions.directTco2", "/emissions/directTco2", "t CO2"},
            {"emissions.indirectTco2", "/emissions/indirectTco2", "t CO2"},
            {"specific.totalTco2PerTonne", "/specific/totalTco2PerTonne", "t CO2/t"},
            {"specific.directTco2PerTonne", "/specific/directTco2PerTonne", "t CO2/t"},
        }) {
            console.printf("  %-28s %14s %s%n", figure[0], s.at(figure[1]).asString(), figure[2]);
        }
        console.printf("  %-28s %18s%n", "cost.actualEur", Amounts.eur(s.at("/cost/actualEur").asString()));
        console.printf("  %-28s %18s%n", "cost.defaultEur", Amounts.eur(s.at("/cost/defaultEur").asString()));
        JsonNode c = outcome.comparison();
        console.printf("  on the %s basis (charged %s): cost.actualEur %s, cost.defaultEur %s%n",
                c.at("/ruleSet/id").asString(), c.at("/specific/chargedBasis").asString(),
                Amounts.eur(c.at("/cost/actualEur").asString()), Amounts.eur(c.at("/cost/defaultEur").asString()));
    }

    private static ObjectNode meterRecord(DemoMeter meter) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("kind", Kinds.METER);
        record.put("meterId", meter.meterId());
        record.put("installationId", "inst-demo-1");
        record.put("deviceId", GATEWAY_DEVICE);
        record.put("lineId", meter.lineId());
        record.put("measures", "active-energy-import");
        record.put("protocol", "modbus-tcp");
        record.put("manufacturer", meter.manufacturer());
        record.put("model", meter.model());
        record.put("intervalSeconds", DemoReadings.INTERVAL_MINUTES * 60);
        return record;
    }

    /** Unzips into {@code dir}, replacing an earlier demo bundle there (never another directory's content). */
    static void unzip(byte[] zip, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (var list = Files.list(dir)) {
                empty = list.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve("bundle.json"))) {
                throw new IOException(dir + " is not empty and holds no earlier bundle; choose another --out");
            }
            DirectoryZip.deleteTree(dir);
        }
        Files.createDirectories(dir);
        Path root = dir.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = root.resolve(e.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry escapes the bundle directory: " + e.getName());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
    }
}
