package org.cbamledger.connector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cbamledger.connector.batch.DeviceKeyRegistration;
import org.cbamledger.connector.config.ConfigException;
import org.cbamledger.connector.config.ConfigLoader;
import org.cbamledger.connector.config.ConnectorConfig;
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
}
