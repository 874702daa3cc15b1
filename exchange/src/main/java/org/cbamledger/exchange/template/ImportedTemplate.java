package org.cbamledger.exchange.template;

import java.util.List;
import java.util.Optional;
import org.cbamledger.spec.Kinds;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a supplier's filled communication template says, every value traced to its cell. Product fields are named
 * {@code products[i].field}; installation fields {@code installation.field}; the period {@code period.from/to}.
 */
public record ImportedTemplate(TemplateVersion version, List<TracedValue> figures) {

    public ImportedTemplate {
        figures = List.copyOf(figures);
    }

    public Optional<TracedValue> find(String field) {
        return figures.stream().filter(f -> f.field().equals(field)).findFirst();
    }

    public String value(String field) {
        return find(field).map(TracedValue::value).orElseThrow(() -> new IllegalArgumentException("no field " + field));
    }

    /**
     * The api-spec {@code supplier-precursor-statement} record for product row {@code product}: the template has no
     * installation identifier, so the caller names it, and the statement id and verification come from outside the
     * workbook too. Indirect emissions go in as electricity per tonne with its factor where the template gives both
     * (2.1.1), else as the indirect SEE (the record takes one form or the other).
     */
    public ObjectNode supplierStatement(int product, String statementId, String supplierInstallationId, boolean verified, String verifier) {
        String p = "products[" + product + "].";
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("kind", Kinds.SUPPLIER_PRECURSOR_STATEMENT);
        record.put("statementId", statementId);
        record.put("supplierInstallationId", supplierInstallationId);
        record.put("supplierName", value("installation.name"));
        record.put("countryOfOrigin", value("installation.countryCode"));
        record.put("cnCode", value(p + "cnCode"));
        record.put("periodFrom", value("period.from"));
        record.put("periodTo", value("period.to"));
        record.put("directSeeTco2PerTonne", value(p + "directSeeTco2PerTonne"));
        Optional<TracedValue> mwh = find(p + "electricityMwhPerTonne");
        Optional<TracedValue> factor = find(p + "electricityEmissionFactorTco2PerMwh");
        if (mwh.isPresent() && factor.isPresent()) {
            record.put("electricityMwhPerTonne", mwh.get().value());
            record.put("electricityEmissionFactorTco2PerMwh", factor.get().value());
        } else {
            record.put("indirectSeeTco2PerTonne", value(p + "indirectSeeTco2PerTonne"));
        }
        record.put("verified", verified);
        if (verifier != null) {
            record.put("verifier", verifier);
        }
        return record;
    }
}
