package org.cbamledger.verifier;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void enabled_rewritesOneLineWithTheTimeSoFar_andClearsItAtTheEnd() throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text);
        Progress progress = Progress.start(err, true, Duration.ofMillis(5), "bundle.zip");
        for (int i = 0; i < 1000 && !text.toString().contains("verifying"); i++) {
            Thread.sleep(5);
        }
        progress.close();
        String shown = text.toString();
        assertTrue(shown.startsWith("\rverifying bundle.zip ... 0 s"), shown);
        assertTrue(shown.endsWith("\r\033[K"), shown);
        assertTrue(!shown.contains("\n"), "one line rewritten in place, never a new line: " + shown);
    }

    @Test
    void disabled_printsNothing() {
        assertNull(Progress.start(new PrintWriter(new StringWriter()), false, Duration.ofMillis(1), "bundle.zip"));
    }
}
