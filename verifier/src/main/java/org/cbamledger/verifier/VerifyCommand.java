package org.cbamledger.verifier;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Pattern;
import org.cbamledger.signer.NoteVerifier;
import org.cbamledger.verifier.bundle.BundleException;
import org.cbamledger.verifier.context.LogKeys;
import org.cbamledger.verifier.policy.PolicyException;
import org.cbamledger.verifier.policy.PolicyFile;
import org.cbamledger.verifier.policy.TrustPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code verify BUNDLE_DIR [--policy FILE] [--log-key FILE|VKEY]... [--root-key KEYID]... [--json]}: exit 0 every
 * check passed against pinned keys, 1 a check failed, 2 usage or I/O error, 4 every check held but no log key was
 * pinned (UNTRUSTED).
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        version = "cbam-ledger verifier, bundle format cbam-ledger-bundle/v1",
        description = "Checks a cbam-ledger evidence bundle (directory or .zip) offline: entries, signatures,"
                + " key registrations, inclusion and consistency proofs, checkpoints, documents, completeness"
                + " (a range's every leaf, a room's index), the statement's figures and its bound PDF.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every check passed against pinned keys (PASSED)", "1:a check failed (FAILED)",
            "2:usage or I/O error", "4:every check held, but no log key was pinned (UNTRUSTED)"})
public final class VerifyCommand implements Callable<Integer> {
    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int ERROR = 2;
    public static final int UNTRUSTED = 4;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");

    @Parameters(index = "0", paramLabel = "BUNDLE_DIR", description = "bundle directory or .zip")
    private Path bundle;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "trust policy (api-spec/POLICY.md): log keys with their validity, root key ids, witness keys"
                    + " and quorum, TSA certificates")
    private Path policyFile;

    @Option(names = "--log-key", paramLabel = "FILE|VKEY",
            description = "pinned log verifier key (C2SP vkey), or a file of them one a line; repeatable."
                    + " Without it the bundle's own log-key.vkey is used and reported as not pinned.")
    private List<String> logKeys = new ArrayList<>();

    @Option(names = "--root-key", paramLabel = "KEYID",
            description = "pinned key id (hex SHA-256 of SPKI) of the log's root key; repeatable")
    private List<String> rootKeys = new ArrayList<>();

    @Option(names = "--json", description = "print every check as JSON")
    private boolean json;

    @Option(names = "--timings", description = "print on stderr the seconds each phase took, as it ends (reading the"
            + " bundle's layout, a v2 bundle's entries with it; reading a v1 bundle's entries; each check; printing the report)")
    private boolean timings;

    @Option(names = "--threads", paramLabel = "N", description = "threads that read, hash, parse and verify entries"
            + " (default: the processors the JVM sees); the report is the same for any N")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<NoteVerifier> pinned = new ArrayList<>();
        try {
            for (String key : logKeys) {
                pinned.addAll(readLogKey(key));
            }
        } catch (BundleException | IOException e) {
            err.println("verify: --log-key: " + e.getMessage());
            return ERROR;
        }
        Set<String> roots = new LinkedHashSet<>(rootKeys);
        for (String root : roots) {
            if (!KEY_ID.matcher(root).matches()) {
                err.println("verify: --root-key: not 64 lowercase hex digits: " + root);
                return ERROR;
            }
        }
        TrustPolicy policy = TrustPolicy.NONE;
        if (policyFile != null) {
            try {
                policy = PolicyFile.parse(Files.readAllBytes(policyFile));
            } catch (PolicyException | IOException e) {
                err.println("verify: --policy " + policyFile + ": " + e.getMessage());
                return ERROR;
            }
        }
        if (threads < 1) {
            err.println("verify: --threads: at least 1, not " + threads);
            return ERROR;
        }
        VerificationReport report;
        Progress progress = Progress.start(err, !json && Progress.onTerminal(), Duration.ofSeconds(1), bundle.toString());
        try {
            report = verifyOn(new Verifier().timed(timings ? timingsTo(err) : PhaseTimer.NONE), policy.plus(pinned, roots));
        } catch (IOException e) {
            err.println("verify: " + e.getMessage());
            return ERROR;
        } finally {
            stop(progress);
        }
        long printing = System.nanoTime();
        if (json) {
            ReportPrinter.printJson(report, out);
        } else {
            ReportPrinter.printText(report, out);
        }
        if (timings) {
            timingsTo(err).took("report", System.nanoTime() - printing);
        }
        return switch (report.outcome()) {
            case PASSED -> PASSED;
            case UNTRUSTED -> UNTRUSTED;
            case FAILED -> FAILED;
        };
    }

    /**
     * The verification on a pool of {@link #threads} (the checks fork their parallel work into the pool they run in),
     * the calling thread waiting.
     */
    private VerificationReport verifyOn(Verifier verifier, TrustPolicy policy) throws IOException {
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            return pool.submit(() -> verifier.verify(bundle, policy)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof UncheckedIOException io) {
                // e.g. no room for the entries' temporary file: an I/O error (exit 2), said as the verifier says it
                throw new IOException(io.getMessage(), io.getCause());
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static PhaseTimer timingsTo(PrintWriter err) {
        return (phase, nanos) -> {
            synchronized (err) {
                err.printf(Locale.ROOT, "timing: %-26s %8.2f s%n", phase, nanos / 1e9);
                err.flush();
            }
        };
    }

    private static void stop(Progress progress) {
        if (progress == null) {
            return;
        }
        try {
            progress.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<NoteVerifier> readLogKey(String fileOrVkey) throws IOException, BundleException {
        if (fileOrVkey.contains("+") && !Files.isRegularFile(Path.of(fileOrVkey))) {
            return List.of(LogKeys.parse(fileOrVkey));
        }
        Path file = Path.of(fileOrVkey);
        if (!Files.isRegularFile(file)) {
            throw new BundleException(fileOrVkey + " is neither a file of keys nor a verifier key"
                    + " (a C2SP vkey reads name+keyhash+base64key, as in a bundle's log-key.vkey)");
        }
        try {
            return LogKeys.parseFile(Files.readString(file, StandardCharsets.UTF_8));
        } catch (BundleException e) {
            throw new BundleException(file + ": " + e.getMessage(), e);
        }
    }

    /** Runs the command; a leading "verify" word is accepted, so both {@code verify DIR} and {@code DIR} work. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        String[] rest = args.length > 0 && args[0].equals("verify") ? Arrays.copyOfRange(args, 1, args.length) : args;
        return new CommandLine(new VerifyCommand())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("verify: unexpected error: " + e);
                    return ERROR;
                })
                .execute(rest);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }
}
