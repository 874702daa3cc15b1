package org.cbamledger.bench.year;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./cbam verify} of the exported bundle in a JVM of its own ({@code VerifyCommand --json}), its peak resident
 * memory read from /proc (VmHWM, sampled every 20 ms until it exits: the high-water mark only grows).
 */
record OfflineVerification(double seconds, long peakRssKb, boolean passed, Path report) {

    /** {@code heapMb} bounds the verifier's heap ({@code -Xmx}); 0 leaves the JVM's default. */
    static OfflineVerification run(Path home, Path bundle, String logKey, String rootKeyId, int heapMb, Path workDir)
            throws IOException, InterruptedException {
        Path report = workDir.resolve("verify.json");
        List<String> command = new ArrayList<>(List.of(JavaProcesses.java()));
        if (heapMb > 0) {
            command.add("-Xmx" + heapMb + "m");
        }
        command.addAll(List.of("-cp", JavaProcesses.classpath(home, "verifier"), "org.cbamledger.verifier.VerifyCommand",
                bundle.toString(), "--log-key", logKey, "--root-key", rootKeyId, "--json"));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(report.toFile()).start();
        long peak = 0;
        try {
            while (process.isAlive()) {
                peak = Math.max(peak, JavaProcesses.peakRssKb(process.pid()));
                Thread.sleep(20);
            }
        } finally {
            process.destroyForcibly(); // a no-op once it has exited; never left running if this thread is stopped
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new OfflineVerification(seconds, peak, process.exitValue() == 0 && Files.size(report) > 0, report);
    }

    /** The report's count of failed checks; -1 when the verifier wrote no JSON report (it could not run). */
    long failedChecks() {
        try {
            return YearClient.JSON.readTree(report.toFile()).path("counts").path("FAIL").asLong();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
