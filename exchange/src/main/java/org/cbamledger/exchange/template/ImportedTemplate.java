package org.cbamledger.exchange.template;

import java.util.List;
import java.util.Optional;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a supplier's filled communication template says, every value traced to its cell, and the SHA-256 of the
 * workbook it was read from. Product fields are named {@code products[i].field}; installation fields
 * {@code installation.field}; the period {@code period.from/to}.
 */
public record ImportedTemplate(TemplateVersion version, String workbookSha256, List<TracedValue> figures) {
    /** Annex IV's aluminium parameters of the product, carried into the statement where the supplier filled them. */
    private static final List<String> ALUMINIUM_PARAMETERS = List.of("preConsumerScrapPercent", "otherElementsPercent");

    public ImportedTemplate {
        figures = List.copyOf(figures);
    }

    public Optional<TracedValue> find(String field) {
        return figures.stream().filter(f -> f.field().equals(field)).findFirst();
    }

    public String value(String field) {
        return traced(field).value();
    }

    private TracedValue traced(String field) {
        return find(field).orElseThrow(() -> new IllegalArgumentException("no field " + field));
    }

    /** The product row whose CN code is {@code cnCode}; the error names the CN codes the workbook holds. */
    public int product(String cnCode) throws TemplateException {
        List<String> held = cnCodes();
        int index = held.indexOf(cnCode);
        if (index < 0) {
            throw new TemplateException("the workbook has no product with CN code " + cnCode + " (it holds " + held + ")");
        }
        return index;
    }

    /** Product row 0 of a workbook holding one product; a workbook with several needs its CN code named. */
    public int onlyProduct() throws TemplateException {
        List<String> held = cnCodes();
        if (held.size() != 1) {
            throw new TemplateException("the workbook holds " + held.size() + " products " + held + ": name one by its CN code");
        }
        return 0;
    }

    private List<String> cnCodes() {
        return figures.stream().filter(f -> f.field().endsWith("].cnCode")).map(TracedValue::value).toList();
    }

    /**
     * The api-spec {@code supplier-precursor-statement} record for product row {@code product}: the template has no
     * installation identifier, so the caller names it, and the statement id and verification come from outside the
     * workbook too. Indirect emissions go in as electricity per tonne with its factor where the template gives both
     * (2.1.1), else as the indirect SEE (the record takes one form or the other); the aluminium parameters (% pre-consumer
     * scrap, % other elements) where the row gives them. {@code sourceWorkbook} names the
     * workbook by its SHA-256 and each figure taken from it by sheet and cell.
     */
    public ObjectNode supplierStatement(int product, String statementId, String supplierInstallationId, boolean verified, String verifier) {
        String p = "products[" + product + "].";
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        ObjectNode source = JsonNodeFactory.instance.objectNode();
        source.put("sha256", workbookSha256);
        source.put("templateVersion", version.label());
        ObjectNode cells = source.putObject("cells");
        record.put("kind", Kinds.SUPPLIER_PRECURSOR_STATEMENT);
        record.put("statementId", statementId);
        record.put("supplierInstallationId", supplierInstallationId);
        copy(record, cells, "supplierName", traced("installation.name"));
        copy(record, cells, "countryOfOrigin", traced("installation.countryCode"));
        copy(record, cells, "cnCode", traced(p + "cnCode"));
        copy(record, cells, "periodFrom", traced("period.from"));
        copy(record, cells, "periodTo", traced("period.to"));
        copy(record, cells, "directSeeTco2PerTonne", traced(p + "directSeeTco2PerTonne"));
        Optional<TracedValue> mwh = find(p + "electricityMwhPerTonne");
        Optional<TracedValue> factor = find(p + "electricityEmissionFactorTco2PerMwh");
        if (mwh.isPresent() && factor.isPresent()) {
            copy(record, cells, "electricityMwhPerTonne", mwh.get());
            copy(record, cells, "electricityEmissionFactorTco2PerMwh", factor.get());
        } else {
            copy(record, cells, "indirectSeeTco2PerTonne", traced(p + "indirectSeeTco2PerTonne"));
        }
        for (String parameter : ALUMINIUM_PARAMETERS) {
            find(p + parameter).ifPresent(value -> copy(record, cells, parameter, value));
        }
        record.put("verified", verified);
        if (verifier != null) {
            record.put("verifier", verifier);
        }
        record.set("sourceWorkbook", source);
        return record;
    }

    private static void copy(ObjectNode record, ObjectNode cells, String member, TracedValue value) {
        record.put(member, value.value());
        cells.put(member, value.reference());
    }
}
