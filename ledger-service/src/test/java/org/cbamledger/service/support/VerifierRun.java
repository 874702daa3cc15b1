package org.cbamledger.service.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.cbamledger.verifier.VerifyCommand;
import picocli.CommandLine;

/** {@code ./cbam verify} run in this JVM: its exit code and everything it printed. */
public record VerifierRun(int exitCode, String report) {

    public static VerifierRun verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new CommandLine(new VerifyCommand()).setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(out, true, StandardCharsets.UTF_8)).execute(args);
        return new VerifierRun(exit, out.toString(StandardCharsets.UTF_8));
    }
}
