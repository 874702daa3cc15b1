package org.cbamledger.exchange.supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command's arguments; against a service it is tested in ledger-service SupplierWorkbookEvidenceTest. */
class SupplierStatementCommandTest {
    private static final String WORKBOOK = "../scenarios/turkish-extruder-2026-workbook/suppliers/MY-BILLETS-01-2026.xlsx";

    private static String[] run(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SupplierStatementCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] printed = {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
        assertEquals(expectedExit, exit, printed[1]);
        return printed;
    }

    @Test
    void withoutTheServiceOptions_namesWhatIsMissing() {
        String err = run(2, WORKBOOK, "--statement-id", "S-1", "--installation", "MY-BILLETS-01")[1];
        assertTrue(err.startsWith("supplier-statement: missing --url --log --token --key --party\nusage:"), err);
    }

    @Test
    void dryRun_printsTheRecordWithItsCells_forTheNamedCnCode() {
        String out = run(0, WORKBOOK, "--statement-id", "S-1", "--installation", "MY-BILLETS-01", "--cn-code", "76010000",
                "--dry-run")[0];
        assertTrue(out.contains("\"directSeeTco2PerTonne\" : \"0.02805\""), out);
        assertTrue(out.contains("\"directSeeTco2PerTonne\" : \"Summary_Communication!I26\""), out);
        assertTrue(out.contains("\"verified\" : false"), out);
    }

    @Test
    void aCnCodeTheWorkbookLacks_andAUrlThatIsNoUri_areRefused() {
        assertEquals("supplier-statement: the workbook has no product with CN code 76011000 (it holds [76010000])\n",
                run(2, WORKBOOK, "--statement-id", "S-1", "--installation", "I", "--cn-code", "76011000", "--dry-run")[1]);
        String err = run(2, WORKBOOK, "--statement-id", "S-1", "--installation", "I", "--url", "http://bad host/", "--log", "l",
                "--token", "t", "--key", "../api-spec/src/main/resources/vectors/keys/stranger-ed25519.pem", "--party", "p")[1];
        assertTrue(err.startsWith("supplier-statement: Illegal character in authority"), err);
    }
}
