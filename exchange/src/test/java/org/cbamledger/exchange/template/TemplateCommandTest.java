package org.cbamledger.exchange.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cbamledger.exchange.WorkedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCommandTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TemplateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesAStatementFile_andReadsItBackWithCells() throws Exception {
        Path statement = Files.writeString(tmp.resolve("statement.json"), WorkedStatement.build().toString());
        Path xlsx = tmp.resolve("out.xlsx");
        Run write = run(statement.toString(), "--out", xlsx.toString());
        assertEquals(0, write.code(), write.err());
        assertEquals("communication template (v2.1.1 layout) written to " + xlsx, write.out().strip());
        Run read = run("--read", xlsx.toString());
        assertEquals(0, read.code(), read.err());
        assertTrue(read.out().contains("products[0].totalSeeTco2PerTonne = 0.215281  (Summary_Communication!K26)"), read.out());
    }

    @Test
    void refusesAMissingStatementAndUnknownOptions() throws Exception {
        Run missing = run(tmp.resolve("none.json").toString());
        assertEquals(2, missing.code());
        assertEquals("communication-template: no such file: " + tmp.resolve("none.json"), missing.err().strip());
        Run unknown = run("s.json", "--colour", "red");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("communication-template: unknown option --colour"), unknown.err());
        assertEquals(2, run().code());
    }
}
