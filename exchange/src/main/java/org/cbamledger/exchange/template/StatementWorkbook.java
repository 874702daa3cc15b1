package org.cbamledger.exchange.template;

import java.util.Optional;
import org.cbamledger.calculation.core.CalculationException;
import org.cbamledger.calculation.statement.StatementRenderings;
import tools.jackson.databind.JsonNode;

/**
 * The communication template workbook a signed statement binds ({@code renderings.communicationTemplate.sha256}):
 * the workbook of our own layout (no blank template), which is the same bytes for the same statement.
 */
public final class StatementWorkbook {
    /** For {@code StatementIssuer.issue}: binds this workbook into the statement it issues. */
    public static final Optional<StatementRenderings.WorkbookRenderer> RENDERER = Optional.of(StatementWorkbook::render);

    private StatementWorkbook() {}

    public static byte[] render(JsonNode statement) throws CalculationException {
        try {
            return CommunicationTemplateWriter.write(statement, Optional.empty());
        } catch (TemplateException e) {
            throw new CalculationException("cannot write the statement's communication template: " + e.getMessage(), e);
        }
    }
}
