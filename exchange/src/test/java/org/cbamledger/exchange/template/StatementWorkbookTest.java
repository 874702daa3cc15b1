package org.cbamledger.exchange.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Optional;
import org.cbamledger.calculation.statement.StatementRenderings;
import org.cbamledger.exchange.WorkedStatement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class StatementWorkbookTest {
    @Test
    void bind_putsTheWorkbookHashInTheStatement_andTheBoundStatementRendersTheSameWorkbook() throws Exception {
        ObjectNode statement = WorkedStatement.build();
        StatementRenderings.Rendered rendered = StatementRenderings.bind(statement, StatementWorkbook.RENDERER);

        byte[] workbook = rendered.workbook().orElseThrow();
        assertEquals(Optional.of(StatementRenderings.sha256Hex(workbook)), StatementRenderings.boundWorkbookSha256(statement));
        assertEquals(Optional.of(StatementRenderings.sha256Hex(rendered.pdf())), StatementRenderings.boundPdfSha256(statement));
        assertArrayEquals(workbook, StatementWorkbook.render(statement), "the writer does not read renderings");
    }

    @Test
    void aChangedFigure_changesTheWorkbook() throws Exception {
        ObjectNode statement = WorkedStatement.build();
        byte[] before = StatementWorkbook.render(statement);
        statement.withObject("/specific").put("directTco2PerTonne", "0.5");
        assertFalse(Arrays.equals(before, StatementWorkbook.render(statement)));
    }

    @Test
    void bindPdfAlone_bindsNoWorkbook() throws Exception {
        ObjectNode statement = WorkedStatement.build();
        StatementRenderings.bindPdf(statement);
        assertEquals(Optional.empty(), StatementRenderings.boundWorkbookSha256(statement));
    }
}
