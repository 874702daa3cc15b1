package org.cbamledger.service.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioDocumentsTest {
    @Test
    void pdf_isByteForByteDeterministic_soTheScenarioDocumentsHashTheSameOnEveryRun() throws Exception {
        byte[] first = ScenarioDocuments.pdf("Invoice of billet-supplier", List.of("line one", "line two"));
        Thread.sleep(1100);
        byte[] second = ScenarioDocuments.pdf("Invoice of billet-supplier", List.of("line one", "line two"));
        assertArrayEquals(first, second);
        byte[] other = ScenarioDocuments.pdf("Invoice of billet-supplier", List.of("line one", "line 2"));
        assertFalse(Arrays.equals(first, other));
    }
}
