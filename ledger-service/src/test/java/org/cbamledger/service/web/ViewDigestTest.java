package org.cbamledger.service.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cbamledger.service.statement.StoredStatement;
import org.cbamledger.signer.Sha256;
import org.junit.jupiter.api.Test;

/** A view's digest names exactly its entries and statements: any change to either is another digest. */
class ViewDigestTest {
    private static final List<ViewDigest.Leaf> THREE = List.of(leaf(0), leaf(4), leaf(9));
    private static final List<StoredStatement> ONE = List.of(statement("st-1", "{\"a\":1}"));

    @Test
    void theSameEntriesAndStatements_giveTheSameDigest() {
        assertEquals(ViewDigest.of("log-a", THREE, ONE), ViewDigest.of("log-a", List.copyOf(THREE), List.copyOf(ONE)));
    }

    @Test
    void oneEntryMoreOrFewer_givesAnotherDigest() {
        List<ViewDigest.Leaf> more = new ArrayList<>(THREE);
        more.add(leaf(10));
        ViewDigest three = ViewDigest.of("log-a", THREE, ONE);
        assertNotEquals(three, ViewDigest.of("log-a", more, ONE));
        assertNotEquals(three, ViewDigest.of("log-a", THREE.subList(0, 2), ONE));
        assertNotEquals(three, ViewDigest.of("log-a", THREE.subList(1, 3), ONE));
    }

    @Test
    void anotherEntryAtAnIndex_orAnotherIndexForAnEntry_givesAnotherDigest() {
        ViewDigest three = ViewDigest.of("log-a", THREE, ONE);
        byte[] edited = THREE.get(1).leafHash().clone();
        edited[31] ^= 1;
        assertNotEquals(three, ViewDigest.of("log-a", List.of(THREE.get(0), new ViewDigest.Leaf(4, edited), THREE.get(2)), ONE));
        assertNotEquals(three, ViewDigest.of("log-a", List.of(THREE.get(0), new ViewDigest.Leaf(5, THREE.get(1).leafHash()),
                THREE.get(2)), ONE));
    }

    @Test
    void anotherLog_givesAnotherDigest() {
        assertNotEquals(ViewDigest.of("log-a", THREE, ONE), ViewDigest.of("log-b", THREE, ONE));
    }

    @Test
    void anotherStatementOrPayload_orNoStatement_givesAnotherDigest() {
        ViewDigest one = ViewDigest.of("log-a", THREE, ONE);
        assertNotEquals(one, ViewDigest.of("log-a", THREE, List.of()));
        assertNotEquals(one, ViewDigest.of("log-a", THREE, List.of(statement("st-1", "{\"a\":2}"))));
        assertNotEquals(one, ViewDigest.of("log-a", THREE, List.of(statement("st-2", "{\"a\":1}"))));
        assertNotEquals(one, ViewDigest.of("log-a", THREE, List.of(ONE.getFirst(), statement("st-2", "{\"a\":1}"))));
    }

    @Test
    void fieldsCannotRunIntoEachOther() {
        // without length prefixes "log-a" + statement "b..." and "log-ab" + "..." could hash the same bytes
        assertNotEquals(ViewDigest.of("log-a", List.of(), List.of(statement("bst", "{}"))),
                ViewDigest.of("log-ab", List.of(), List.of(statement("st", "{}"))));
    }

    @Test
    void entriesOutOfOrder_orWithoutAFullLeafHash_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> ViewDigest.of("log-a", List.of(leaf(4), leaf(0)), ONE));
        assertThrows(IllegalArgumentException.class, () -> ViewDigest.of("log-a", List.of(leaf(4), leaf(4)), ONE));
        assertThrows(IllegalArgumentException.class,
                () -> ViewDigest.of("log-a", List.of(new ViewDigest.Leaf(1, new byte[31])), ONE));
    }

    private static ViewDigest.Leaf leaf(long index) {
        return new ViewDigest.Leaf(index, Sha256.digest(("entry " + index).getBytes(StandardCharsets.UTF_8)));
    }

    private static StoredStatement statement(String id, String json) {
        return new StoredStatement("log-a", id, "key-1", 10, "jws", json.getBytes(StandardCharsets.UTF_8), new byte[0]);
    }
}
