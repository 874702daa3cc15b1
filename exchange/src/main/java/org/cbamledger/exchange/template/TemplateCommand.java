package org.cbamledger.exchange.template;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.cbamledger.signer.JsonMappers;

/**
 * {@code communication-template STATEMENT.json [--template BLANK.xlsx] [--out FILE.xlsx]}: writes a statement in the
 * template's layout; {@code communication-template --read WORKBOOK.xlsx}: prints a supplier's figures with their
 * cells. Exit 0 done, 2 usage, input or template error.
 */
public final class TemplateCommand {
    static final String USAGE = "usage: communication-template STATEMENT.json [--template BLANK.xlsx] [--out FILE.xlsx]\n"
            + "       communication-template --read WORKBOOK.xlsx";

    private TemplateCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 2 && args[0].equals("--read")) {
                ImportedTemplate read = CommunicationTemplateReader.read(Files.readAllBytes(Path.of(args[1])));
                out.println("communication template " + read.version().label());
                read.figures().forEach(f -> out.println(f.field() + " = " + f.value() + "  (" + f.reference() + ")"));
                return 0;
            }
            if (args.length == 0 || args.length % 2 == 0 || args[0].startsWith("--")) {
                err.println(USAGE);
                return 2;
            }
            Path statement = Path.of(args[0]);
            Optional<byte[]> template = Optional.empty();
            Path target = Path.of(statement.getFileName().toString().replaceFirst("\\.json$", "") + ".xlsx");
            for (int i = 1; i < args.length; i += 2) {
                switch (args[i]) {
                    case "--template" -> template = Optional.of(Files.readAllBytes(Path.of(args[i + 1])));
                    case "--out" -> target = Path.of(args[i + 1]);
                    default -> {
                        err.println("communication-template: unknown option " + args[i] + "\n" + USAGE);
                        return 2;
                    }
                }
            }
            byte[] xlsx = CommunicationTemplateWriter.write(JsonMappers.PLAIN.readTree(Files.readAllBytes(statement)), template);
            Files.write(target, xlsx);
            out.println("communication template (v2.1.1 layout) written to " + target.toAbsolutePath().normalize());
            return 0;
        } catch (NoSuchFileException e) {
            err.println("communication-template: no such file: " + e.getFile());
            return 2;
        } catch (IOException | TemplateException | RuntimeException e) { // RuntimeException: JacksonException and a malformed statement
            err.println("communication-template: " + e.getMessage());
            return 2;
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
