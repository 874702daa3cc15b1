package org.cbamledger.exchange.supplier;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cbamledger.exchange.template.CommunicationTemplateReader;
import org.cbamledger.exchange.template.ImportedTemplate;
import org.cbamledger.exchange.template.TemplateException;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SignerException;
import org.cbamledger.signer.SigningKey;
import org.cbamledger.spec.Kinds;
import org.cbamledger.spec.RecordValidationException;
import org.cbamledger.spec.RecordValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code supplier-statement WORKBOOK.xlsx ...}: a supplier's filled communication template becomes its signed
 * {@code supplier-precursor-statement}. The workbook is archived in the log and anchored (document-anchor of its
 * SHA-256, signed by the supplier's key); the record, every figure traced to its sheet and cell and naming the
 * workbook's SHA-256, is signed by the same key and appended. {@code --dry-run} prints the record and sends nothing.
 * Exit 0 done, 2 usage, workbook or service error.
 */
public final class SupplierStatementCommand {
    static final String USAGE = """
            usage: supplier-statement WORKBOOK.xlsx --statement-id ID --installation ID [--cn-code CN] [--verifier NAME]
                     (--url URL --log LOG_ID --token TOKEN --key KEY.pem --party PARTY_ID | --dry-run)
              the workbook's product row with CN code CN (8 digits as in the template; default: its only product);
              --verifier NAME marks the statement verified by NAME; the key is the supplier's PKCS#8 PEM,
              registered in the log for supplier-precursor-statement and document-anchor""";
    private static final List<String> VALUED = List.of("--statement-id", "--installation", "--cn-code", "--verifier", "--url",
            "--log", "--token", "--key", "--party");

    private SupplierStatementCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        boolean dryRun = false;
        Path workbook = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dry-run")) {
                dryRun = true;
            } else if (VALUED.contains(args[i]) && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else if (!args[i].startsWith("--") && workbook == null) {
                workbook = Path.of(args[i]);
            } else {
                err.println("supplier-statement: unexpected argument " + args[i] + "\n" + USAGE);
                return 2;
            }
        }
        List<String> needed = dryRun ? List.of("--statement-id", "--installation")
                : List.of("--statement-id", "--installation", "--url", "--log", "--token", "--key", "--party");
        List<String> missing = needed.stream().filter(o -> !options.containsKey(o)).toList();
        if (workbook == null || !missing.isEmpty()) {
            err.println("supplier-statement: missing " + (workbook == null ? "WORKBOOK.xlsx " : "") + String.join(" ", missing) + "\n" + USAGE);
            return 2;
        }
        try {
            byte[] bytes = Files.readAllBytes(workbook);
            ObjectNode record = record(bytes, options);
            if (dryRun) {
                out.println(record.toPrettyString());
                return 0;
            }
            SigningKey key = SigningKey.readPem(Path.of(options.get("--key")));
            LedgerClient ledger = new LedgerClient(URI.create(options.get("--url")), options.get("--log"), options.get("--token"));
            String statementRef = Kinds.SUPPLIER_PRECURSOR_STATEMENT + "/" + options.get("--statement-id");
            byte[] anchor = ledger.upload(bytes, options.get("--party"), workbook.getFileName().toString(), statementRef);
            JsonNode anchored = ledger.append(Envelope.sign(Kinds.DOCUMENT_ANCHOR, anchor, key));
            out.println("workbook " + record.at("/sourceWorkbook/sha256").asString() + " archived and anchored at leaf " + anchored.path("index"));
            JsonNode appended = ledger.append(Envelope.sign(Kinds.SUPPLIER_PRECURSOR_STATEMENT,
                    record.toString().getBytes(StandardCharsets.UTF_8), key));
            out.println(statementRef + " signed by key " + key.keyId() + " and appended at leaf " + appended.path("index")
                    + " (" + record.at("/sourceWorkbook/cells").size() + " figures traced to their cells)");
            return 0;
        } catch (NoSuchFileException e) {
            err.println("supplier-statement: no such file: " + e.getFile());
            return 2;
        } catch (IOException | TemplateException | SignerException | RecordValidationException | IllegalArgumentException e) {
            // IllegalArgumentException: a --url that is no URI
            err.println("supplier-statement: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("supplier-statement: interrupted");
            return 2;
        }
    }

    private static ObjectNode record(byte[] bytes, Map<String, String> options) throws TemplateException, RecordValidationException {
        ImportedTemplate read = CommunicationTemplateReader.read(bytes);
        int product = options.containsKey("--cn-code") ? read.product(options.get("--cn-code")) : read.onlyProduct();
        String verifier = options.get("--verifier");
        ObjectNode record = read.supplierStatement(product, options.get("--statement-id"), options.get("--installation"),
                verifier != null, verifier);
        RecordValidator.validate(record);
        return record;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
