package org.cbamledger.witness.tsa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./cbam tsa --port N --data-dir DIR}: a small RFC 3161 time-stamp authority. */
@Command(name = "tsa", mixinStandardHelpOptions = true,
        description = "A small RFC 3161 time-stamp authority (key and self-signed certificate created under DIR).")
public final class TsaCommand implements Callable<Integer> {
    @Option(names = "--port", description = "TCP port; 0 picks a free one (default 0)")
    private int port;

    @Option(names = "--host", description = "address to listen on (default 127.0.0.1)")
    private String host = "127.0.0.1";

    @Option(names = "--data-dir", required = true, description = "key, certificate and serial directory")
    private Path dataDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        TimestampAuthority authority = TimestampAuthority.open(dataDir, Clock.systemUTC());
        try (TsaServer server = new TsaServer(authority, host, port)) {
            System.out.println("tsa certificate " + dataDir.resolve(TsaCredentials.CERT_FILE).toAbsolutePath()
                    + " listening on " + server.url());
            System.out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TsaCommand()).execute(args));
    }
}
