package org.cbamledger.service.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.cbamledger.service.problem.LedgerException;
import org.cbamledger.service.problem.Problem;
import org.junit.jupiter.api.Test;

class RequestJsonTest {
    private static LedgerException refused(String body) {
        return assertThrows(LedgerException.class,
                () -> RequestJson.tree(body.getBytes(StandardCharsets.UTF_8), Problem.INVALID_ROOM, "the body"));
    }

    @Test
    void duplicateMember_isRefused_notReadAsItsLastValue() {
        LedgerException e = refused("{\"installationId\":\"A\",\"installationId\":\"B\"}");
        assertEquals(Problem.INVALID_ROOM, e.problem());
        assertTrue(e.getMessage().contains("not I-JSON"), e.getMessage());
    }

    @Test
    void duplicateMemberInANestedObject_isRefused() {
        assertTrue(refused("{\"scope\":{\"cn\":\"7604\",\"cn\":\"7601\"}}").getMessage().contains("not I-JSON"));
    }

    @Test
    void aSecondValueAfterTheFirst_isRefused() {
        assertTrue(refused("{\"a\":1}{\"a\":2}").getMessage().contains("not I-JSON"));
        assertTrue(refused("[1] 2").getMessage().contains("not I-JSON"));
    }

    @Test
    void emptyBody_isRefused() {
        assertTrue(refused("").getMessage().contains("empty"), refused("").getMessage());
    }

    @Test
    void wellFormedBody_isReadWhole() throws LedgerException {
        assertEquals("B", RequestJson.tree("{\"a\":{\"b\":\"B\"},\"c\":[1,2]}".getBytes(StandardCharsets.UTF_8),
                Problem.INVALID_ROOM, "the body").at("/a/b").asString());
    }
}
