package org.cbamledger.verifier.check;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cbamledger.signer.Envelope;
import org.cbamledger.signer.SignerException;
import org.cbamledger.spec.Kinds;
import org.cbamledger.verifier.bundle.ManifestDocument;
import org.cbamledger.verifier.bundle.ManifestEntry;
import org.cbamledger.verifier.context.BundleCheck;
import org.cbamledger.verifier.context.BundleContext;
import org.cbamledger.verifier.context.CheckResult;
import org.cbamledger.verifier.context.CheckStatus;
import org.cbamledger.verifier.context.Loaded;
import tools.jackson.databind.JsonNode;

/**
 * A supplier-precursor-statement read from the supplier's communication template ({@code sourceWorkbook}) says
 * what its workbook's cells say: with the workbook bundled, each traced field equals the cached value of its sheet
 * and cell, and every figure of the record is traced. Numbers compare as the template's doubles, dates as Excel
 * serial days (1900 system). A workbook not bundled or erased is reported, not failed: its hash still binds it.
 */
public final class SupplierWorkbookCheck implements BundleCheck {
    public static final String NAME = "supplier-workbook";
    static final int MAX_WORKBOOK_BYTES = 64 << 20;
    private static final List<String> FIGURES = List.of("directSeeTco2PerTonne", "indirectSeeTco2PerTonne",
            "electricityMwhPerTonne", "electricityEmissionFactorTco2PerMwh", "preConsumerScrapPercent", "otherElementsPercent");
    private static final List<String> DATES = List.of("periodFrom", "periodTo");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    @Override
    public List<CheckResult> run(BundleContext context) {
        List<CheckResult> results = new ArrayList<>();
        for (ManifestEntry entry : context.manifest().entries()) {
            if (!Kinds.SUPPLIER_PRECURSOR_STATEMENT.equals(context.kind(entry.index()))) {
                continue;
            }
            Loaded<Envelope> envelope = context.envelope(entry.index());
            try {
                JsonNode record = envelope.value().record();
                if (record.has("sourceWorkbook")) {
                    results.add(check(context, entry.file(), record));
                }
            } catch (SignerException e) {
                // an unreadable record is EntryFormatCheck's to report
            }
        }
        return results;
    }

    private static CheckResult check(BundleContext context, String subject, JsonNode record) {
        String sha256 = record.at("/sourceWorkbook/sha256").asString("");
        JsonNode cells = record.at("/sourceWorkbook/cells");
        for (String figure : FIGURES) {
            if (record.has(figure) && !cells.has(figure)) {
                return CheckResult.fail(NAME, subject, figure + " is not traced to a cell of workbook " + sha256);
            }
        }
        ManifestDocument document = context.manifest().documents().stream().filter(d -> d.sha256Hex().equals(sha256))
                .findFirst().orElse(null);
        if (document == null || document.erased()) {
            return new CheckResult(NAME, subject, CheckStatus.NOT_CHECKED, "workbook " + sha256
                    + (document == null ? " is not in the bundle" : " was erased") + ": its cells cannot be compared");
        }
        Loaded<byte[]> bytes = context.bytes(document.file(), MAX_WORKBOOK_BYTES);
        if (!bytes.ok()) {
            return CheckResult.fail(NAME, subject, bytes.error());
        }
        try {
            XlsxCachedCells workbook = XlsxCachedCells.open(bytes.value());
            for (Map.Entry<String, JsonNode> traced : cells.properties()) {
                String field = traced.getKey();
                String cell = traced.getValue().asString();
                String problem = compare(field, record.path(field), workbook.value(cell));
                if (problem != null) {
                    return CheckResult.fail(NAME, subject, field + " " + problem + " at " + cell + " of workbook " + sha256);
                }
            }
        } catch (IOException | RuntimeException e) { // RuntimeException: a hostile workbook's malformed numbers
            return CheckResult.fail(NAME, subject, "workbook " + sha256 + ": " + e.getMessage());
        }
        return CheckResult.pass(NAME, subject, cells.size() + " fields equal the cached values of their cells in workbook " + sha256);
    }

    /** Null when the record's value is the cell's; else what differs. */
    private static String compare(String field, JsonNode value, XlsxCachedCells.Value cell) {
        if (!value.isString()) {
            return "is traced but absent from the record";
        }
        if (cell == null) {
            return "is " + value.asString() + " but the cell is empty";
        }
        String recorded = value.asString();
        String shown;
        if (FIGURES.contains(field)) {
            boolean same = cell.number() && Double.parseDouble(cell.text()) == Double.parseDouble(recorded);
            return same ? null : "is " + recorded + " but the cell holds " + cell.text();
        } else if (DATES.contains(field) && cell.number()) {
            shown = EXCEL_EPOCH.plusDays((long) Math.floor(Double.parseDouble(cell.text()))).toString();
        } else if (cell.number()) {
            shown = new BigDecimal(cell.text()).stripTrailingZeros().toPlainString();
        } else {
            shown = cell.text().trim();
        }
        return shown.equals(recorded) ? null : "is " + recorded + " but the cell holds " + shown;
    }
}
