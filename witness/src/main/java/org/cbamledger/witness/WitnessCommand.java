package org.cbamledger.witness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.cbamledger.signer.CosignatureSigner;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.signer.SignerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./cbam witness --port N --data-dir DIR [--name NAME] [--origin-key VKEY]...}: a standalone witness. */
@Command(name = "witness", mixinStandardHelpOptions = true,
        description = "A C2SP tlog-witness: cosigns checkpoints of the logs it knows when they extend what it saw.")
public final class WitnessCommand implements Callable<Integer> {
    /** The witness's own key, created on first start. */
    public static final String KEY_FILE = "witness-key.pem";
    /** Its cosignature/v1 verifier key, written on every start for operators and scripts. */
    public static final String VKEY_FILE = "witness.vkey";

    @Option(names = "--port", description = "TCP port; 0 picks a free one (default 0)")
    private int port;

    @Option(names = "--host", description = "address to listen on (default 127.0.0.1)")
    private String host = "127.0.0.1";

    @Option(names = "--data-dir", required = true, description = "key and state directory")
    private Path dataDir;

    @Option(names = "--name", description = "the witness's key name (default cbam-witness)")
    private String name = "cbam-witness";

    @Option(names = "--origin-key", paramLabel = "VKEY",
            description = "a log's verifier key; the witness cosigns for the origin its name states; repeatable."
                    + " More keys: one a line in DIR/logs.vkey, read on every request.")
    private List<String> originKeys = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<NoteVerifier> logs = new ArrayList<>();
        for (String key : originKeys) {
            try {
                logs.add(NoteVerifier.parse(key));
            } catch (SignerException e) {
                System.err.println("witness: --origin-key " + key + ": " + e.getMessage());
                return 2;
            }
        }
        Files.createDirectories(dataDir);
        CosignatureSigner signer = new CosignatureSigner(name, KeyFiles.loadOrCreateEd25519(dataDir.resolve(KEY_FILE)));
        Files.writeString(dataDir.resolve(VKEY_FILE), signer.verifierKey() + "\n", StandardCharsets.UTF_8);
        Witness witness = new Witness(signer, new KnownLogs(logs, dataDir), new WitnessStateStore(dataDir),
                Clock.systemUTC());
        try (WitnessServer server = new WitnessServer(witness, host, port)) {
            System.out.println("witness " + signer.verifierKey() + " listening on " + server.url());
            System.out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new WitnessCommand()).execute(args));
    }
}
