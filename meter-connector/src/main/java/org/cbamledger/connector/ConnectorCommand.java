package org.cbamledger.connector;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cbamledger.connector.batch.DeviceKeyRegistration;
import org.cbamledger.connector.batch.RootKeyFile;
import org.cbamledger.connector.config.ConfigException;
import org.cbamledger.connector.config.ConfigLoader;
import org.cbamledger.connector.config.ConnectorConfig;
import org.cbamledger.connector.forward.LedgerClient;
import org.cbamledger.connector.forward.SubmitOutcome;
import org.cbamledger.connector.journal.JournalException;
import org.cbamledger.connector.runtime.ConnectorRuntime;
import org.cbamledger.connector.time.AcceleratedTimeSource;
import org.cbamledger.connector.time.SystemTimeSource;
import org.cbamledger.connector.time.TimeSource;
import org.cbamledger.signer.KeyAlgorithm;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.RecordValidationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./cbam connector --config FILE}: the field agent. Runs until stopped (SIGTERM / Ctrl-C). */
@Command(name = "connector", mixinStandardHelpOptions = true,
        description = "Polls Modbus TCP and OPC UA meters, signs interval batches with the device key, journals"
                + " them and forwards them to the ledger.")
public final class ConnectorCommand implements Callable<Integer> {
    @Option(names = "--config", description = "YAML or JSON configuration (see README.md)")
    Path config;

    @Option(names = "--generate-device-key", paramLabel = "FILE",
            description = "write a new Ed25519 device key (PKCS#8 PEM, mode 0600), print its key id and public key, exit")
    Path generateKey;

    @Option(names = "--party", description = "with --generate-device-key: the operator party the gateway belongs to;"
            + " also writes FILE.key-registration.json (role device, allowed kind meter-reading-batch) for the operator"
            + " to sign with the root key and submit")
    String party;

    @Option(names = "--register-device", paramLabel = "FILE",
            description = "sign a key-registration of the device key in FILE (role device, kind meter-reading-batch)"
                    + " with the operator's root key and submit it to --ledger / --log, then exit")
    Path registerDevice;

    @Option(names = "--ledger", paramLabel = "URL", description = "with --register-device: the ledger's base URL")
    URI ledgerUrl;

    @Option(names = "--log", paramLabel = "ID", description = "with --register-device: the operator's log id")
    String logId;

    @Option(names = "--root-key", paramLabel = "FILE", description = "with --register-device: the operator's root key,"
            + " either the JSON answer of POST /logs saved as it came (rootPrivateKeyPkcs8) or a PKCS#8 PEM")
    Path rootKeyFile;

    @Option(names = "--token-file", paramLabel = "FILE", description = "with --register-device: a bearer token with"
            + " scope log:<ID>:submit (or the service's admin.token)")
    Path tokenFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConnectorCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (generateKey != null) {
            if (Files.exists(generateKey)) {
                System.err.println("connector: " + generateKey + " exists; not overwriting a device key");
                return 2;
            }
            SigningKey key = SigningKey.generate(KeyAlgorithm.ED25519);
            key.writePem(generateKey);
            System.out.println("keyId: " + key.keyId());
            System.out.println("algorithm: ed25519");
            System.out.println("publicKey: " + key.publicKey().spkiBase64());
            if (party != null) {
                try {
                    Path out = generateKey.resolveSibling(generateKey.getFileName() + ".key-registration.json");
                    Files.writeString(out, DeviceKeyRegistration.record(key, party, Instant.now()).toPrettyString() + "\n");
                    System.out.println("key-registration record (sign with the operator's root key): " + out);
                } catch (RecordValidationException e) {
                    System.err.println("connector: " + e.getMessage() + " " + e.violations());
                    return 2;
                }
            }
            return 0;
        }
        if (registerDevice != null) {
            return registerDevice();
        }
        if (config == null) {
            System.err.println("connector: --config FILE is required");
            return 2;
        }
        ConnectorConfig cfg;
        SigningKey key;
        try {
            cfg = ConfigLoader.load(config);
            key = SigningKey.readPem(cfg.deviceKeyFile());
        } catch (ConfigException | SignerException | IOException e) {
            System.err.println("connector: " + e.getMessage());
            return 2;
        }
        TimeSource time = cfg.clockAcceleration() > 1 || cfg.simulatedStart() != null
                ? AcceleratedTimeSource.startingNow(
                        cfg.simulatedStart() != null ? cfg.simulatedStart() : Instant.now(),
                        cfg.clockAcceleration())
                : new SystemTimeSource();
        ConnectorRuntime runtime;
        try {
            runtime = new ConnectorRuntime(cfg, key, time);
        } catch (JournalException e) {
            System.err.println("connector: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runtime.close();
            } catch (JournalException e) {
                System.err.println("connector: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.err.println("connector: device " + cfg.deviceId() + " (key " + key.keyId() + ") -> " + cfg.ledgerUrl()
                + " log " + cfg.logId() + "; status in " + cfg.journalDir().resolve("status.json"));
        runtime.start();
        stopped.await();
        return 0;
    }

    /** {@code --register-device}: the operator's step that lets the gateway's batches into the log. */
    private int registerDevice() throws InterruptedException {
        if (ledgerUrl == null || logId == null || rootKeyFile == null || tokenFile == null) {
            System.err.println("connector: --register-device needs --ledger URL --log ID --root-key FILE --token-file FILE");
            return 2;
        }
        byte[] envelope;
        String token;
        try {
            SigningKey device = SigningKey.readPem(registerDevice);
            SigningKey root = RootKeyFile.read(rootKeyFile);
            token = Files.readString(tokenFile).strip();
            envelope = DeviceKeyRegistration.signedByRoot(device, party != null ? party : logId, Instant.now(), root);
            System.out.println("device key " + device.keyId() + " registration signed by root key " + root.keyId());
        } catch (SignerException | IOException e) {
            System.err.println("connector: " + e.getMessage());
            return 2;
        } catch (RecordValidationException e) {
            System.err.println("connector: " + e.getMessage() + " " + e.violations());
            return 2;
        }
        SubmitOutcome outcome = new LedgerClient(ledgerUrl, logId, token, Duration.ofSeconds(10)).submit(envelope);
        return switch (outcome) {
            case SubmitOutcome.Accepted a -> {
                System.out.println((a.status() == 201 ? "registered: " : "already registered: ")
                        + new String(a.receiptJson(), StandardCharsets.UTF_8));
                yield 0;
            }
            case SubmitOutcome.Rejected r -> {
                System.err.println("connector: the ledger refused the registration (" + r.status() + "): " + r.problem());
                yield 1;
            }
            case SubmitOutcome.Unavailable u -> {
                System.err.println("connector: " + u.reason());
                yield 1;
            }
        };
    }
}
